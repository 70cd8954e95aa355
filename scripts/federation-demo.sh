#!/usr/bin/env bash
# A federated network of three hospitals on one machine, from nothing to a study result (docs/federation.md).
#
#   scripts/federation-demo.sh [DIR]        (DIR defaults to optima-network)
#
# 1. generates a 3-site synthetic population (DIR/net-site1.sqlite … net-site3.sqlite);
# 2. per node: an Ed25519 signing key, a self-signed TLS certificate (localhost, 127.0.0.1), a `node` service
#    account for the coordinator with its API key, and node.yaml;
# 3. the coordinator's signing key and DIR/network.yaml (pinned certificates, public keys, token files);
# 4. starts the three nodes, announces the study (the nodes answer "pending"), approves it by hash at each node as
#    its steward would, runs it, and prints where the result is. The nodes are stopped when the script ends.
#
# Re-running reuses what exists (population, keys, certificates, accounts, approvals, the run's state file).
# Environment: OPTIMA (the binary; default .build/debug/optima, built when missing), STUDY (default
# examples/studies/breast-network.json), OUT (the result folder, DIR/result), PERSONS (30000), PORT (the first
# node's port, 9441; the others follow).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-optima-network}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
OPTIMA="${OPTIMA:-$ROOT/.build/debug/optima}"
STUDY="${STUDY:-$ROOT/examples/studies/breast-network.json}"
PERSONS="${PERSONS:-30000}"
PORT="${PORT:-9441}"
OUT="${OUT:-$DIR/result}"
SITES=(site1 site2 site3)
COORDINATOR=coordinator
SECRETS="$DIR/site-secrets.json"

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v openssl >/dev/null || fail "openssl is needed for the nodes' TLS certificates"
if [[ ! -x "$OPTIMA" ]]; then
  say "Building optima (swift build --product optima)"
  (cd "$ROOT" && swift build --product optima)
fi
[[ -f "$STUDY" ]] || fail "$STUDY: no such study document"

# --- 1. The hospitals' data -------------------------------------------------------------------------------------
if [[ -f "$DIR/net-site1.sqlite" && -f "$DIR/net-site2.sqlite" && -f "$DIR/net-site3.sqlite" && -f "$DIR/.generated" ]]; then
  say "Population: reusing $DIR/net-site{1,2,3}.sqlite"
else
  say "Population: generating $PERSONS persons over 3 sites"
  rm -f "$DIR"/net-site?.sqlite* "$DIR/.generated"
  "$OPTIMA" generate --persons "$PERSONS" --sites 3 --db "sqlite:$DIR/net.sqlite" --secrets "$SECRETS"
  touch "$DIR/.generated"
fi

# --- 2. The coordinator's signing key (the nodes' allow-list names its public half) ------------------------------
keypair() { # FOLDER: signing.key and signing.pub, made once
  if [[ ! -f "$1/signing.key" || ! -f "$1/signing.pub" ]]; then
    rm -f "$1/signing.key" "$1/signing.pub"
    "$OPTIMA" node keygen --out "$1/signing.key" > "$1/signing.pub"
  fi
}
mkdir -p "$DIR/$COORDINATOR"
keypair "$DIR/$COORDINATOR"
COORDINATOR_KEY="$(cat "$DIR/$COORDINATOR/signing.pub")"

# --- 3. Each node: signing key, TLS certificate, the coordinator's account, node.yaml ----------------------------
for i in 1 2 3; do
  site="site$i"; folder="$DIR/$site"; db="sqlite:$DIR/net-$site.sqlite"
  mkdir -p "$folder"
  keypair "$folder"
  if [[ ! -f "$folder/tls.crt" || ! -f "$folder/tls.key" ]]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$folder/tls.key" -out "$folder/tls.crt" 2>/dev/null
    chmod 600 "$folder/tls.key"
  fi
  # The coordinator calls this node with the API key of a `node` service account. In a real network the steward
  # sends this key to the coordinator's operator over a secure channel; here it goes straight into a file.
  if [[ ! -s "$folder/$COORDINATOR.token" ]]; then
    if ! (umask 077; "$OPTIMA" user add "$COORDINATOR" --role node --service --api-key --db "$db" > "$folder/$COORDINATOR.token"); then
      rm -f "$folder/$COORDINATOR.token"
      fail "$site: no API key for $COORDINATOR (an account whose key file was lost? start again in a new DIR)"
    fi
  fi
  cat > "$folder/node.yaml" <<YAML
# Node $site of the demo network (made by scripts/federation-demo.sh; see examples/network/node.yaml).
name: $site
listen: { host: 127.0.0.1, port: $((PORT + i - 1)) }
tls: { certificate: tls.crt, private_key: tls.key }
signing_key: signing.key
coordinators:
  $COORDINATOR: "$COORDINATOR_KEY"
allowed_analyses: [counts, characterization, incidence, kaplan-meier, cox, logistic, poisson, lasso-logistic]
auto_approve: false
disclosure: { minimum_cell_count: 5 }
YAML
done

# --- 4. The coordinator's network file ---------------------------------------------------------------------------
{
  echo "# The demo network (made by scripts/federation-demo.sh; see examples/network/network.yaml)."
  echo "coordinator: { name: $COORDINATOR, signing_key: $COORDINATOR/signing.key }"
  echo "timeout_seconds: 120"
  echo "retries: 3"
  echo "backoff_seconds: 0.5"
  echo "nodes:"
  for i in 1 2 3; do
    site="site$i"
    echo "  - name: $site"
    echo "    url: https://localhost:$((PORT + i - 1))"
    echo "    token_file: $site/$COORDINATOR.token"
    echo "    public_key: \"$(cat "$DIR/$site/signing.pub")\""
    echo "    certificate: $site/tls.crt"
  done
} > "$DIR/network.yaml"

# --- 5. Start the nodes, stop them on exit -----------------------------------------------------------------------
PIDS=()
stop_nodes() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_nodes EXIT
trap 'exit 130' INT TERM

say "Starting the nodes (logs in $DIR/site*/node.log)"
for i in 1 2 3; do
  site="site$i"
  if (exec 3<>"/dev/tcp/127.0.0.1/$((PORT + i - 1))") 2>/dev/null; then
    fail "port $((PORT + i - 1)) is in use (a node of an earlier run?); stop it or set PORT"
  fi
  "$OPTIMA" node serve --db "sqlite:$DIR/net-$site.sqlite" --config "$DIR/$site/node.yaml" --secrets "$SECRETS" \
    > "$DIR/$site/node.log" 2>&1 &
  PIDS+=($!)
done
for i in 1 2 3; do
  site="site$i"
  for _ in $(seq 1 120); do
    grep -q "listening on" "$DIR/$site/node.log" && break
    kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || fail "node $site stopped: $(tail -n 3 "$DIR/$site/node.log")"
    sleep 0.5
  done
  grep -q "listening on" "$DIR/$site/node.log" || fail "node $site did not start within 60 s (see $DIR/$site/node.log)"
  echo "$site: $(grep -m1 "listening on" "$DIR/$site/node.log" | sed 's/; signing key.*//')"
done

# --- 6. Announce, approve by hash, run ---------------------------------------------------------------------------
HASH="$("$OPTIMA" study hash "$STUDY")"
# A state file belongs to one study document: one of an earlier (changed) document is kept aside, not resumed.
if [[ -f "$DIR/state.json" ]] && ! grep -q "\"$HASH\"" "$DIR/state.json"; then
  mv "$DIR/state.json" "$DIR/state.json.$(date +%s)"
fi
RUN=("$OPTIMA" study run "$STUDY" --network "$DIR/network.yaml" --out "$OUT" --state "$DIR/state.json"
     --registry "sqlite:$DIR/$COORDINATOR/models.sqlite")
approved() { "$OPTIMA" node studies --db "sqlite:$DIR/net-$1.sqlite" | grep -q "^$HASH  approved"; }

all_approved=true
for site in "${SITES[@]}"; do approved "$site" || all_approved=false; done
if ! $all_approved; then
  say "Researcher: optima study run (the nodes have not approved study $HASH yet)"
  if "${RUN[@]}" > "$DIR/announce.log" 2>&1; then
    cat "$DIR/announce.log"
  else
    cat "$DIR/announce.log"
    grep -q "awaiting approval: optima node approve $HASH" "$DIR/announce.log" \
      || fail "the announcement failed for another reason than a pending approval (see above)"
  fi
  for site in "${SITES[@]}"; do
    approved "$site" && continue
    say "Steward of $site: review the study, then approve exactly this document"
    "$OPTIMA" node studies --db "sqlite:$DIR/net-$site.sqlite" | grep -A3 "^$HASH"
    "$OPTIMA" node approve "$HASH" --db "sqlite:$DIR/net-$site.sqlite"
  done
fi

say "Researcher: optima study run (state in $DIR/state.json)"
started=$SECONDS
"${RUN[@]}"
echo "(study run took $((SECONDS - started)) s)"

say "Result"
echo "$OUT/result.md   (summary)"
echo "$OUT/result.json (every number)"
ls "$OUT" | grep '\.svg$' | sed "s|^|$OUT/|"
