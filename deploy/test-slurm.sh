#!/usr/bin/env bash
# The Slurm job array template run end to end on a real, local, one-node Slurm, with faults.
#
# Installs Slurm and munge through apt when missing, writes a one-node cluster for this machine
# (controller and node on localhost, every file in a temporary folder, cgroup-free plugins), starts
# munged, slurmctld and slurmd, runs a tiny real study (deploy/slurm-test-study.yaml: 4 cells)
# through deploy/slurm-array-cpu.sh and checks:
#   1. the array's four cells finish, DIR/report.md reports all four, and every cell's
#      testAccuracy equals the same study run locally (./cnnlab study --workers 1, same --threads);
#   2. a task cancelled (scancel) in the middle of its training and submitted again resumes from
#      its checkpoint and ends with the uninterrupted numbers;
#   3. scontrol requeue (the scheduler killing and restarting tasks): a running task resumes, a
#      finished one is not trained again;
#   4. two tasks given the same index: the cell is trained once, the other task skips it;
#   5. deploy/k8s-indexed-job.yaml against the Kubernetes Job schema (deploy/k8s-check, offline
#      after `npm ci`; skipped with CNNLAB_SKIP_K8S_CHECK=1).
# Then it stops every daemon it started, by pid, also on failure (trap). Bounded: 10 minutes.
# Must run as root (the daemons run as root here). Data: ../shared/data/cifar-100-binary or
# $CNNLAB_TEST_DATA. Ends with 'slurm: N passed, M failed'.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${CNNLAB_TEST_DATA:-$root/../shared/data/cifar-100-binary}"
spec=deploy/slurm-test-study.yaml
template=deploy/slurm-array-cpu.sh
budget="${CNNLAB_SLURM_TEST_BUDGET:-600}" # seconds for the whole script
threads=1                                 # per task and for the local reference: 2 tasks side by side on 2 cores

start=$SECONDS
passed=0
failed=0
say() { printf '[slurm-test %3ds] %s\n' "$((SECONDS - start))" "$*"; }
pass() { passed=$((passed + 1)); say "PASS: $*"; }
# a failed check: one line, then the trap dumps the logs and stops the daemons
fail() { failed=$((failed + 1)); printf '[slurm-test %3ds] FAIL: %s\n' "$((SECONDS - start))" "$*" >&2; exit 1; }
left() { echo $((budget - (SECONDS - start))); }

# ---- the cluster -----------------------------------------------------------------------------
T="$(mktemp -d /tmp/cnnlab-slurm-test.XXXXXX)"
chmod 755 "$T"
mkdir -p "$T/munge" "$T/spool" "$T/state" "$T/log" "$T/out"
chmod 700 "$T/munge"
pids=()     # daemons started here, stopped by pid on exit
jobs_submitted=()

cleanup() {
  local rc=$?
  trap - EXIT
  set +e
  if ((rc != 0 && ${#pids[@]} > 0)); then
    echo "---- slurm-test failed (exit $rc); logs follow; the test folder $T is kept ----" >&2
    for f in "$T"/log/slurmctld.log "$T"/log/slurmd.log "$T"/log/munged.log; do
      [[ -f "$f" ]] && { echo "---- tail of $f" >&2; tail -n 25 "$f" >&2; }
    done
    for f in "$T"/out/*.log; do [[ -f "$f" ]] && { echo "---- tail of $f" >&2; tail -n 15 "$f" >&2; }; done
  fi
  if ((${#jobs_submitted[@]})) && [[ -n "${SLURM_CONF:-}" ]]; then
    scancel "${jobs_submitted[@]}" 2>/dev/null
    for _ in $(seq 1 30); do [[ -z "$(squeue -h 2>/dev/null)" ]] && break; sleep 1; done
  fi
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$p" 2>/dev/null && { echo "slurm-test: daemon $p did not stop on SIGTERM: killing it" >&2; kill -9 "$p"; }
  done
  ((${#pids[@]})) && say "stopped munged, slurmctld and slurmd (pids ${pids[*]})"
  ((rc == 0 || ${#pids[@]} == 0)) && rm -rf "$T"
  say "wall time $((SECONDS - start)) s"
  echo "slurm: $passed passed, $((failed > 0 || rc == 0 ? failed : failed + 1)) failed"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ "$(id -u)" == 0 ]] || fail "must run as root: the test runs its own slurmctld/slurmd/munged as root"
[[ -f "$data/train.bin" && -f "$data/test.bin" ]] || fail "no CIFAR-100 at $data (set CNNLAB_TEST_DATA to the cifar-100-binary folder)"
data="$(cd "$data" && pwd)"

# ---- install ---------------------------------------------------------------------------------
need=()
for c in slurmctld slurmd sbatch munged; do command -v "$c" >/dev/null 2>&1 || need=(slurm-wlm munge); done
command -v flock >/dev/null 2>&1 || need+=(util-linux)
if [[ "${CNNLAB_SKIP_K8S_CHECK:-}" != 1 ]] && ! command -v npm >/dev/null 2>&1; then need+=(nodejs npm); fi
if ((${#need[@]})); then
  say "installing ${need[*]} through apt ..."
  apt-get update -qq >/dev/null || fail "apt-get update failed (is a Debian mirror reachable?)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || fail "apt-get install ${need[*]} failed"
fi

# two free TCP ports for slurmctld and slurmd (other Slurms on this machine keep theirs)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ctld_port=""
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 20000))
  if port_free "$p" && port_free $((p + 1)); then ctld_port=$p; break; fi
done
[[ -n "$ctld_port" ]] || fail "no two free TCP ports found for slurmctld/slurmd"

dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$T/munge/munge.key"
munged --foreground --force --key-file="$T/munge/munge.key" --socket="$T/munge/munge.socket" \
  --pid-file="$T/munge/munged.pid" --log-file="$T/log/munged.log" --seed-file="$T/munge/seed" \
  >>"$T/log/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do [[ -S "$T/munge/munge.socket" ]] && break; sleep 0.1; done
munge -n -S "$T/munge/munge.socket" | unmunge -S "$T/munge/munge.socket" >/dev/null 2>&1 \
  || fail "munged does not answer on $T/munge/munge.socket (see $T/log/munged.log)"

# the node as slurmd sees it, memory a little under what it counts
hw="$(slurmd -C | head -1)"
cpus="$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$hw")"
mem="$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$hw")"
mem=$((mem * 9 / 10))
((cpus >= 1 && mem >= 4096)) || fail "slurmd -C reports $cpus CPUs and ${mem} MB usable: need 1+ CPU and 4+ GB"
cat >"$T/slurm.conf" <<EOF
# one-node test cluster written by deploy/test-slurm.sh; everything lives in $T
ClusterName=cnnlabtest
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire: also how long a requeued task waits before it may start again (default 120 s)
AuthInfo=socket=$T/munge/munge.socket,cred_expire=10
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/log/slurmctld.log
SlurmdLogFile=$T/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no cgroups in this sandbox: plain process tracking, no task containment, no accounting
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
# look at pending work every few seconds (defaults 60/30 s): a requeued task starts soon after its wait
SchedulerParameters=sched_interval=3,bf_interval=3
# one-CPU tasks side by side
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
JobRequeue=1
MinJobAge=900
KillWait=5
InactiveLimit=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$T/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >>"$T/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >>"$T/log/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 1 60); do
  state="$(sinfo -h -n localhost -o %t 2>/dev/null || true)"
  [[ "$state" == idle ]] && break
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || fail "a Slurm daemon (pid $p) exited at start (see $T/log)"; done
  sleep 1
done
[[ "$state" == idle ]] || fail "node localhost not idle after 60 s (sinfo says '${state:-nothing}')"
pass "one-node $(sinfo --version) up ($(munged --version 2>&1 | awk '{print $1}')): slurmctld port $ctld_port, node localhost with $cpus CPUs ($(lscpu | sed -n 's/^Model name: *//p')), ${mem} MB, cgroup-free (pids ${pids[*]})"

# ---- helpers -----------------------------------------------------------------------------------
# the cnnlab launcher builds the jar here, once, before any task could try
t=$SECONDS
./cnnlab --version >/dev/null 2>"$T/out/build.log" || fail "./cnnlab does not build or start: $(tail -n 1 "$T/out/build.log")"
say "./cnnlab --version: target/cnnlab.jar up to date ($((SECONDS - t)) s)"
mapfile -t cells < <(./cnnlab study "$spec" --list | awk '$1 ~ /^[0-9]+$/ {print $2}')
((${#cells[@]} == 4)) || fail "$spec should have 4 cells, --list printed ${#cells[@]}"

submit() { # submit NAME SBATCH-ARGS... -- TEMPLATE-ARGS...: sets $job to the job id
  local name=$1; shift
  local opts=()
  while [[ $1 != -- ]]; do opts+=("$1"); shift; done
  shift
  local id
  id="$(sbatch --parsable --cpus-per-task=$threads --mem=2G --time=00:15:00 --output="$T/out/$name-%a.log" \
    "${opts[@]}" "$template" "$@")" || fail "sbatch $name was refused"
  job="${id%%;*}"
  jobs_submitted+=("$job")
}
field() { # field JOB_TASK NAME: a field of scontrol show job
  scontrol -o show job "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p" | head -1
}
maxrun=0
wait_gone() { # wait_gone JOBID WHAT: until no task of the job is pending or running
  local n
  while [[ -n "$(squeue -h -j "$1" 2>/dev/null)" ]]; do
    n="$(squeue -h -j "$1" -t R 2>/dev/null | wc -l)"
    ((n > maxrun)) && maxrun=$n
    (($(left) > 0)) || fail "$2 still running when the ${budget}s budget ran out"
    sleep 0.5
  done
}
wait_file() { # wait_file FILE WHAT
  while [[ ! -e "$1" ]]; do
    (($(left) > 0)) || fail "$2: $1 did not appear within the ${budget}s budget"
    sleep 0.1
  done
}
accuracy() { sed -n 's/.*"testAccuracy" *: *\([-0-9.eE+]*\).*/\1/p' "$1/runs/$2/result.json" 2>/dev/null | head -1; }
epochs() { cut -d, -f1-7 "$1/runs/$2/epochs.csv"; } # epoch, lr, train loss/top-1, test loss/top-1/top-5
same_as_local() { # same_as_local DIR CELL: exact testAccuracy and per-epoch numbers
  local a b
  a="$(accuracy "$1" "$2")"
  b="$(accuracy "$T/local" "$2")"
  [[ -n "$a" ]] || fail "$2 in $1 has no result.json"
  [[ "$a" == "$b" ]] || fail "$2: testAccuracy $a in $1 but $b in the local run"
  diff -q <(epochs "$1" "$2") <(epochs "$T/local" "$2") >/dev/null \
    || fail "$2: epochs.csv in $1 differs from the local run's"
}
trainings() { { grep -c "^\[cell [0-9]* of [0-9]*\] $2: .* with {" "$1" 2>/dev/null || true; } | awk '{s+=$1} END {print s+0}'; }

# ---- 0. the templates --------------------------------------------------------------------------
diff -q <(sed -n '/^# ---- task body/,$p' deploy/slurm-array.sh) <(sed -n '/^# ---- task body/,$p' "$template") >/dev/null \
  || fail "the task bodies of deploy/slurm-array.sh and $template differ"
gpu_refusal="$(sbatch --test-only --array=0-3 deploy/slurm-array.sh "$spec" "$T/gpu" 2>&1 || true)"
grep -qi "gres\|generic resource" <<<"$gpu_refusal" \
  || fail "the GPU template was not refused on this GPU-less node: $gpu_refusal"
pass "templates share one task body; the GPU one is refused here ('${gpu_refusal##*error: }'), so CPU nodes use $template"

# ---- 1. the local reference, then the array -------------------------------------------------------
t=$SECONDS
timeout "$(left)" ./cnnlab study "$spec" --out "$T/local" --workers 1 --threads $threads --data "$data" --quiet >"$T/out/local.log" 2>&1 \
  || fail "the local study failed (see $T/out/local.log)"
say "local reference: ./cnnlab study $spec --out DIR2 --workers 1 --threads $threads: $((SECONDS - t)) s; top-1 $(for c in "${cells[@]}"; do printf '%s=%s ' "$c" "$(accuracy "$T/local" "$c")"; done)"

t=$SECONDS
maxrun=0
submit array --array=0-3 -- "$spec" "$T/array" "$data"
say "sbatch --array=0-3 $template $spec DIR DATA: job $job"
wait_gone "$job" "the array"
for i in 0 1 2 3; do
  s="$(field "${job}_$i" JobState)"
  e="$(field "${job}_$i" ExitCode)"
  [[ "$s" == COMPLETED && "$e" == 0:0 ]] || fail "array task ${job}_$i ended $s with exit code $e (see $T/out/array-$i.log)"
done
for c in "${cells[@]}"; do
  same_as_local "$T/array" "$c"
  a="$(printf '%.2f' "$(accuracy "$T/array" "$c")")"
  grep -q "$c.*finished.*| $a |" "$T/array/report.md" || fail "$T/array/report.md does not report $c as finished with $a"
done
pass "array of 4: all COMPLETED in $((SECONDS - t)) s, up to $maxrun tasks at once; report.md reports all four; testAccuracy and epochs.csv of every cell equal the local run's"

# ---- 2. scancel in the middle of training, then submit again --------------------------------------
c="${cells[2]}"
submit cancel1 --array=2 -- "$spec" "$T/cancel" "$data"
wait_file "$T/cancel/runs/$c/checkpoint/state.json" "the first checkpoint of $c"
scancel "${job}_2"
wait_gone "$job" "the cancelled task"
s="$(field "${job}_2" JobState)"
[[ "$s" == CANCELLED ]] || fail "task ${job}_2 ended $s, not CANCELLED: it finished before scancel landed"
[[ ! -e "$T/cancel/runs/$c/result.json" ]] || fail "$c finished before scancel landed: nothing to resume"
done_epochs="$(grep -c '^[0-9]' "$T/cancel/runs/$c/epochs.csv")"
job1=$job
submit cancel2 --array=2 -- "$spec" "$T/cancel" "$data"
job2=$job
job=$job1
wait_gone "$job2" "the re-submitted task"
[[ "$(field "${job2}_2" JobState)" == COMPLETED ]] || fail "the re-submitted task ${job2}_2 ended $(field "${job2}_2" JobState)"
resumed="$(grep -h "resuming" "$T/out/cancel2-2.log" || true)"
[[ "$resumed" == *"after epoch $done_epochs/"* ]] || fail "the re-submitted task did not resume after epoch $done_epochs (log: ${resumed:-no 'resuming' line})"
same_as_local "$T/cancel" "$c"
pass "scancel ${job}_2 after epoch $done_epochs of $c: CANCELLED, no result; re-submitted: 'resuming ${resumed##*/runs/}', final testAccuracy $(accuracy "$T/cancel" "$c") and every epoch equal the uninterrupted run"

# ---- 3. scontrol requeue: a running task resumes, a finished one is not retrained --------------
# %1: one task at a time, so task 0 is finished while task 1 is in the middle of its training
submit requeue --requeue --array=0-1%1 -- "$spec" "$T/requeue" "$data"
c0="${cells[0]}"
c1="${cells[1]}"
wait_file "$T/requeue/runs/$c1/checkpoint/state.json" "the first checkpoint of $c1"
[[ -e "$T/requeue/runs/$c0/result.json" ]] || fail "task ${job}_0 has no result although task 1 started"
[[ ! -e "$T/requeue/runs/$c1/result.json" ]] || fail "$c1 finished before the requeue: nothing to resume"
sum0="$(sha256sum <"$T/requeue/runs/$c0/result.json")"
done_epochs="$(grep -c '^[0-9]' "$T/requeue/runs/$c1/epochs.csv")"
scontrol requeue "${job}_1" || fail "scontrol requeue ${job}_1 (running) was refused"
scontrol requeue "${job}_0" || fail "scontrol requeue ${job}_0 (finished) was refused"
wait_gone "$job" "the requeued tasks"
for i in 0 1; do
  s="$(field "${job}_$i" JobState)"
  r="$(field "${job}_$i" Restarts)"
  [[ "$s" == COMPLETED && "$r" -ge 1 ]] || fail "requeued task ${job}_$i ended $s after $r restarts"
done
[[ "$(sha256sum <"$T/requeue/runs/$c0/result.json")" == "$sum0" ]] || fail "the finished cell $c0 was written again after the requeue"
(($(trainings "$T/out/requeue-0.log" "$c0") == 1)) || fail "$c0 was trained $(trainings "$T/out/requeue-0.log" "$c0") times"
grep -q "$c0: finished, skipped" "$T/out/requeue-0.log" || fail "the requeued task 0 did not say that $c0 is finished"
resumed="$(grep -h "resuming" "$T/out/requeue-1.log" || true)"
[[ "$resumed" == *"after epoch $done_epochs/"* ]] || fail "the requeued task 1 did not resume after epoch $done_epochs (log: ${resumed:-no 'resuming' line})"
same_as_local "$T/requeue" "$c0"
same_as_local "$T/requeue" "$c1"
pass "scontrol requeue: finished ${job}_0 restarted and skipped $c0 (result.json untouched, trained once); running ${job}_1 killed after epoch $done_epochs, restarted, 'resuming ${resumed##*/runs/}', numbers equal the local run"

# ---- 4. two tasks with the same index ------------------------------------------------------------
c="${cells[3]}"
submit dupA --array=3 -- "$spec" "$T/dup" "$data"
jobA=$job
submit dupB --array=3 -- "$spec" "$T/dup" "$data"
jobB=$job
wait_gone "$jobA" "duplicate task A"
wait_gone "$jobB" "duplicate task B"
nA="$(trainings "$T/out/dupA-3.log" "$c")"
nB="$(trainings "$T/out/dupB-3.log" "$c")"
((nA + nB == 1)) || fail "cell $c was trained $((nA + nB)) times by two tasks with the same index"
if ((nA == 1)); then loser=B; lj=$jobB; else loser=A; lj=$jobA; fi
why="$(sed -n "s/.*$c: \(.*\), skipped.*/\1/p" "$T/out/dup$loser-3.log" | head -1)"
[[ -n "$why" ]] || fail "the second task with index 3 neither trained nor skipped $c (see $T/out/dup$loser-3.log)"
same_as_local "$T/dup" "$c"
pass "same index twice: $c trained once; the other task (${lj}_3, $(field "${lj}_3" JobState)) skipped it: '$why'"

# ---- 5. the Kubernetes manifest against the Job schema -------------------------------------------
if [[ "${CNNLAB_SKIP_K8S_CHECK:-}" == 1 ]]; then
  say "skipped: Kubernetes manifest schema check (CNNLAB_SKIP_K8S_CHECK=1)"
else
  (cd deploy/k8s-check && npm ci --no-audit --no-fund --loglevel=error >"$T/out/npm.log" 2>&1) \
    || fail "npm ci in deploy/k8s-check failed (is the npm registry reachable?): $(tail -n 1 "$T/out/npm.log")"
  out="$(node deploy/k8s-check/validate.mjs deploy/k8s-indexed-job.yaml 2>&1)" || fail "deploy/k8s-indexed-job.yaml: $out"
  pass "${out#deploy/}"
fi
say "all checks passed"
