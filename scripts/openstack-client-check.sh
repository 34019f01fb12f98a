#!/usr/bin/env bash
# Drives a running embedded cloud with the standard OpenStack client alone (Debian's
# python3-openstackclient, `openstack`), as an OpenStack user would: a 26-step session from
# the token to the server's deletion. Each step checks what the cloud answered, not only
# the exit status; the first failure stops the run (exit 1) and says which step it was.
#
#   npm run cloud -- --port 8774 --db /tmp/check.sqlite --transition-ms 200 &
#   scripts/openstack-client-check.sh [http://127.0.0.1:8774]
#
# `npm test` runs it against a fresh cloud (server/cloud/openstack-client.test.ts) when
# `openstack` is installed; scripts/install-test-deps.sh installs it.
set -euo pipefail

BASE=${1:-http://127.0.0.1:8774}
# Only these settings: none of the caller's other OS_* (OS_CLOUD, OS_TOKEN ...) may steer the client.
user=${OS_USERNAME:-alice} password=${OS_PASSWORD:-alice} project=${OS_PROJECT_NAME:-alpha}
while read -r name; do unset "$name"; done < <(compgen -e | grep '^OS_' || true)
export OS_AUTH_URL=$BASE/v3 OS_IDENTITY_API_VERSION=3 OS_INTERFACE=public
export OS_USERNAME=$user OS_PASSWORD=$password OS_PROJECT_NAME=$project
export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
# Debian's client, not one a pyenv or virtualenv puts first.
export PATH=/usr/bin:$PATH
IMAGE=${IMAGE:-Ubuntu 22.04 server 64bit}
FLAVOR=${FLAVOR:-s3.large.2}
BIGGER=${BIGGER_FLAVOR:-s3.xlarge.2}
TAG=$$
NAME=osc-check-$TAG KEY=osc-key-$TAG GROUP=osc-group-$TAG SECGROUP=osc-sg-$TAG SNAPSHOT=osc-snap-$TAG
WORK=$(mktemp -d)
SERVER=''
TOTAL=26
n=0

# Best effort on the way out: what a failed run made is deleted, in an order the cloud allows.
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    [ -n "$SERVER" ] && openstack server unlock "$SERVER" >/dev/null 2>&1 || true
    [ -n "$SERVER" ] && openstack server delete --wait "$SERVER" >/dev/null 2>&1 || true
    openstack image delete "$SNAPSHOT" >/dev/null 2>&1 || true
    openstack security group delete "$SECGROUP" >/dev/null 2>&1 || true
    openstack server group delete "$GROUP" >/dev/null 2>&1 || true
    openstack keypair delete "$KEY" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step() {
  n=$((n + 1))
  printf '\n== step %d/%d: %s\n' "$n" "$TOTAL" "$*"
}
ok() { printf 'ok %d/%d %s\n' "$n" "$TOTAL" "$*"; }
fail() {
  printf 'FAILED step %d/%d: %s\n' "$n" "$TOTAL" "$*" >&2
  exit 1
}
# `expect TEXT NEEDLE WHAT`: TEXT contains NEEDLE, else the step fails saying WHAT.
expect() { case "$1" in *"$2"*) ;; *) fail "$3: expected '$2' in: $1" ;; esac; }
# A field of `openstack ... -f shell` output.
field() { sed -n "s/^$2=\"\(.*\)\"\$/\1/p" <<<"$1"; }
# The server's status; GONE once the cloud answers 404.
status() {
  local out
  if out=$(openstack server show "$SERVER" -f value -c status 2>&1); then echo "$out"; return; fi
  case "$out" in *"No server with a name or ID"* | *"(HTTP 404)"*) echo GONE ;; *) fail "server show: $out" ;; esac
}
# Polls the server's status until it is $1 (transitions take a fraction of a second here).
wait_status() {
  local want=$1 now i
  for i in $(seq 1 40); do
    now=$(status)
    [ "$now" = "$want" ] && return 0
    sleep 0.3
  done
  fail "status $now, never $want"
}

step "token issue"
out=$(openstack token issue -f shell -c project_id -c expires)
PROJECT=$(field "$out" project_id)
[ -n "$PROJECT" ] || fail "no project in the token: $out"
ok "token for project $PROJECT, expires $(field "$out" expires)"

step "flavor list"
out=$(openstack flavor list -f value -c Name)
expect "$out" "$FLAVOR" "flavor list"
expect "$out" "$BIGGER" "flavor list"
ok "$(wc -l <<<"$out") flavors"

step "image list, image show (the image service from the catalog)"
images=$(openstack image list -f value -c Name -c Status)
expect "$images" "$IMAGE active" "image list"
out=$(openstack image show "$IMAGE" -f shell -c id -c visibility)
[ "$(field "$out" visibility)" = public ] || fail "image show: $out"
IMAGE_ID=$(field "$out" id)
ok "$(wc -l <<<"$images") images; $IMAGE is $IMAGE_ID"

step "network list"
NET=$(openstack network list -f value -c Name | head -1)
[ -n "$NET" ] || fail "no network"
ok "network $NET"

step "keypair create"
openstack keypair create "$KEY" >"$WORK/key.pem"
expect "$(head -1 "$WORK/key.pem")" "PRIVATE KEY" "keypair create"
ok "key pair $KEY"

step "server create --image NAME --wait"
out=$(openstack server create --image "$IMAGE" --flavor "$FLAVOR" --network "$NET" --key-name "$KEY" --wait "$NAME" -f shell -c id -c status)
SERVER=$(field "$out" id)
[ -n "$SERVER" ] || fail "no server id: $out"
[ "$(field "$out" status)" = ACTIVE ] || fail "server create: $out"
ok "server $SERVER ACTIVE"

step "server show"
out=$(openstack server show "$SERVER" -f shell -c name -c status -c image -c flavor -c key_name)
[ "$(field "$out" name)" = "$NAME" ] || fail "server show: $out"
expect "$out" "image=\"$IMAGE ($IMAGE_ID)\"" "server show resolves the image through the image service"
expect "$out" "key_name=\"$KEY\"" "server show"
expect "$out" "flavor=\"$FLAVOR" "server show"
ok "$NAME, $IMAGE, $FLAVOR"

step "server list"
out=$(openstack server list -f value -c ID -c Image)
expect "$out" "$SERVER $IMAGE" "server list (image names from the image service)"
ok "$(wc -l <<<"$out") servers"

step "server reboot"
openstack server reboot "$SERVER"
wait_status ACTIVE
ok "rebooted, ACTIVE"

step "server stop"
openstack server stop "$SERVER"
wait_status SHUTOFF
ok "SHUTOFF"

step "server start"
openstack server start "$SERVER"
wait_status ACTIVE
ok "ACTIVE"

step "server resize --flavor $BIGGER"
openstack server resize --flavor "$BIGGER" "$SERVER"
wait_status VERIFY_RESIZE
ok "VERIFY_RESIZE"

step "server resize confirm"
openstack server resize confirm "$SERVER"
wait_status ACTIVE
expect "$(openstack server show "$SERVER" -f value -c flavor)" "$BIGGER" "flavor after the resize"
ok "ACTIVE on $BIGGER"

step "server set/unset --property"
openstack server set --property role=osc-check --property scratch=1 "$SERVER"
openstack server unset --property scratch "$SERVER"
out=$(openstack server show "$SERVER" -f value -c properties)
expect "$out" "'role': 'osc-check'" "properties"
case "$out" in *scratch*) fail "scratch still set: $out" ;; esac
ok "properties $out"

step "server set/unset --tag (compute API 2.26)"
openstack --os-compute-api-version 2.26 server set --tag osc --tag check "$SERVER"
openstack --os-compute-api-version 2.26 server unset --tag check "$SERVER"
out=$(openstack --os-compute-api-version 2.26 server show "$SERVER" -f value -c tags)
[ "$out" = "['osc']" ] || fail "tags: $out"
ok "tags $out"

step "console log show"
out=$(openstack console log show --lines 5 "$SERVER")
expect "$out" "login:" "console log"
ok "$(wc -l <<<"$out") lines"

step "server lock"
openstack server lock "$SERVER"
[ "$(openstack --os-compute-api-version 2.9 server show "$SERVER" -f value -c locked)" = True ] || fail "not locked"
if openstack server stop "$SERVER" >/dev/null 2>&1; then fail "a locked server accepted stop"; fi
ok "locked; stop refused"

step "server unlock"
openstack server unlock "$SERVER"
[ "$(openstack --os-compute-api-version 2.9 server show "$SERVER" -f value -c locked)" = False ] || fail "still locked"
ok "unlocked"

step "server event list"
out=$(openstack server event list "$SERVER" -f value -c Action)
for action in create reboot stop start resize confirmResize lock unlock; do
  grep -qx "$action" <<<"$out" || fail "no $action event in: $(tr '\n' ' ' <<<"$out")"
done
ok "$(wc -l <<<"$out") events"

step "server group create, list, delete"
openstack server group create --policy anti-affinity "$GROUP" >/dev/null
expect "$(openstack server group list -f value -c Name -c Policies)" "$GROUP ['anti-affinity']" "server group list"
openstack server group delete "$GROUP"
ok "$GROUP"

step "security group create, rule create, server add/remove, delete"
openstack security group create "$SECGROUP" >/dev/null
expect "$(openstack security group rule create --protocol tcp --dst-port 22 "$SECGROUP" -f value -c port_range)" 22:22 "rule create"
openstack server add security group "$SERVER" "$SECGROUP"
# Nova refuses to remove a group the server does not have: this proves the add.
openstack server remove security group "$SERVER" "$SECGROUP"
openstack security group delete "$SECGROUP"
ok "$SECGROUP"

step "limits show --absolute"
out=$(openstack limits show --absolute -f value -c Name -c Value)
expect "$out" "maxTotalInstances" "limits"
used=$(sed -n 's/^totalInstancesUsed //p' <<<"$out")
[ "${used:-0}" -ge 1 ] || fail "totalInstancesUsed ${used:-missing}"
ok "$used instances used"

step "quota show"
out=$(openstack quota show -f shell)
[ "$(field "$out" project)" = "$PROJECT" ] || fail "quota show: $out"
[[ "$(field "$out" instances)" =~ ^[0-9]+$ ]] || fail "no instances quota: $out"
ok "instances $(field "$out" instances), cores $(field "$out" cores)"

step "availability zone list --compute"
expect "$(openstack availability zone list --compute -f value -c 'Zone Name')" "az-" "zones"
ok "zones"

step "server image create --wait, image show, image delete"
out=$(openstack server image create --name "$SNAPSHOT" --wait "$SERVER" -f shell -c id -c status -c owner)
[ "$(field "$out" status)" = active ] || fail "server image: $out"
[ "$(field "$out" owner)" = "$PROJECT" ] || fail "server image owner: $out"
openstack image delete "$SNAPSHOT"
if openstack image show "$SNAPSHOT" >/dev/null 2>&1; then fail "the image is still there after image delete"; fi
ok "image $(field "$out" id) made, active, deleted"

step "server delete, keypair delete"
openstack server delete "$SERVER"
wait_status GONE
SERVER=''
openstack keypair delete "$KEY"
if openstack keypair show "$KEY" >/dev/null 2>&1; then fail "the key pair is still there"; fi
ok "server and key pair deleted"

[ "$n" -eq "$TOTAL" ] || fail "ran $n steps of $TOTAL"
printf '\nOK: all %d steps passed with openstack against %s\n' "$TOTAL" "$BASE"
