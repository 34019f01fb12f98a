#!/usr/bin/env bash
# Drives a running embedded cloud with the standard OpenStack clients from Debian
# (python3-openstackclient, python3-novaclient): token, key pair, create a server and wait
# for ACTIVE, reboot, resize + confirm, stop, start, delete. Not part of `npm test` (it
# needs apt); run it by hand:
#
#   apt-get install -y python3-openstackclient python3-novaclient curl jq
#   npm run cloud -- --port 8774 --db /tmp/check.sqlite --transition-ms 500 &
#   scripts/openstack-client-check.sh [http://127.0.0.1:8774]
#
# Two commands come from novaclient's `nova` instead of `openstack`: openstackclient
# resolves images through the Image service (Glance) in `server create`, `server show` and
# `server list`, and this cloud offers no Glance: the spec's images live under the compute
# API (/v2.1/{project}/images). So the server is created with `nova boot` (a --block-device
# of source=image needs no Glance lookup, and posts to /os-volumes_boot, the alias the spec
# names) and its status is read with `nova show`. Every other step is `openstack`.
set -euo pipefail

BASE=${1:-http://127.0.0.1:8774}
export OS_AUTH_URL=$BASE/v3 OS_IDENTITY_API_VERSION=3
export OS_USERNAME=${OS_USERNAME:-alice} OS_PASSWORD=${OS_PASSWORD:-alice} OS_PROJECT_NAME=${OS_PROJECT_NAME:-alpha}
export OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
# Keep the python clients off any pyenv or virtualenv interpreter.
export PATH=/usr/bin:$PATH
NAME=osc-check-$$
KEY=osc-key-$$
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
step() { printf '\n== %s\n' "$*"; }
status() { nova show "$SERVER" 2>/dev/null | awk -F'|' '$2 ~ /^ status /{gsub(/ /, "", $3); print $3}' | grep . || echo GONE; }
wait_for() {
  local want=$1 i
  for i in $(seq 1 60); do
    local now; now=$(status)
    [ "$now" = "$want" ] && { echo "status $now"; return 0; }
    sleep 1
  done
  echo "timed out waiting for $want (last: $(status))" >&2
  return 1
}

step "token issue"
openstack token issue -f value -c expires -c project_id
TOKEN=$(openstack token issue -f value -c id)
PROJECT=$(openstack token issue -f value -c project_id)

step "keypair create $KEY"
openstack keypair create "$KEY" > "$WORK/key.pem"
head -1 "$WORK/key.pem"
openstack keypair show "$KEY" -f value -c fingerprint

IMAGE=$(curl -sf -H "X-Auth-Token: $TOKEN" "$BASE/v2.1/$PROJECT/images/detail" | jq -r '[.images[] | select(.status=="ACTIVE" and .minRam==0)][0].id')
NET=$(openstack network list -f value -c ID | head -1)
echo "image $IMAGE, network $NET"

step "server create (nova boot --poll) $NAME"
nova boot --flavor s3.large.2 --key-name "$KEY" --nic net-id="$NET" \
  --block-device source=image,id="$IMAGE",dest=volume,size=40,bootindex=0,shutdown=remove \
  --poll "$NAME" 2>/dev/null | tr '\r' '\n' | grep -E '^\| (id|status|adminPass) |complete|Finished' || true
SERVER=$(nova show "$NAME" 2>/dev/null | awk -F'|' '$2 ~ /^ id /{gsub(/ /, "", $3); print $3}')
wait_for ACTIVE

step "server reboot --wait"
openstack server reboot --wait "$SERVER"
wait_for ACTIVE

step "server resize --flavor s3.xlarge.2 --wait, then resize confirm"
openstack server resize --flavor s3.xlarge.2 --wait "$SERVER"
wait_for VERIFY_RESIZE
openstack server resize confirm "$SERVER"
wait_for ACTIVE
nova show "$SERVER" 2>/dev/null | grep -E '^\| flavor'

step "server stop"
openstack server stop "$SERVER"
wait_for SHUTOFF

step "server start"
openstack server start "$SERVER"
wait_for ACTIVE

step "server event list (instance actions)"
nova instance-action-list "$SERVER" 2>/dev/null

step "server delete --wait"
openstack server delete --wait "$SERVER"
[ "$(status)" = GONE ] && echo "deleted"
openstack keypair delete "$KEY"

printf '\nOK: token, keypair, create, reboot, resize + confirm, stop, start, delete all passed against %s\n' "$BASE"
