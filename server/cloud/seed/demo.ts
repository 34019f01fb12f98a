/** Ids of the demo projects of README, by name. */
export interface DemoProjects {
  admin: string;
  alpha: string;
  beta: string;
}

/** Ids of the demo users of README, by name. */
export interface DemoUsers {
  admin: string;
  alice: string;
  bob: string;
}
