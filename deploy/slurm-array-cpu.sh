#!/usr/bin/env bash
# One study cell per array task, on CPU-only nodes: deploy/slurm-array.sh without the GPU
# request (an #SBATCH --gres line cannot be cancelled from the sbatch command line, so this is a
# second template rather than a flag). Everything else is the same:
#   sbatch --array=0-3 deploy/slurm-array-cpu.sh studies/quick.yaml /shared/studies/quick [DATA]
# --cpus-per-task sets cnnlab's --threads (libtorch threads); give it whole cores.
#SBATCH --job-name=cnnlab-study
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --time=24:00:00
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --output=cnnlab-%A_%a.log
# ---- task body: identical in slurm-array.sh and slurm-array-cpu.sh (deploy/test-slurm.sh checks) ----
set -euo pipefail
usage="usage: sbatch --array=0-N deploy/slurm-array[-cpu].sh SPEC STUDY_DIR [DATA]"
spec="${1:?$usage}"
out="${2:?$usage}"
data="${3:-${CNNLAB_DATA:-}}"
cell="${SLURM_ARRAY_TASK_ID:?not a job array task: submit with sbatch --array=0-N}"
cd "${CNNLAB_HOME:-${SLURM_SUBMIT_DIR:-.}}"
[[ -x ./cnnlab ]] || { echo "cnnlab: error: $(pwd) is not a cnnlab checkout: submit from one or set CNNLAB_HOME" >&2; exit 2; }
# tasks starting together must not each rebuild target/cnnlab.jar at once: they take turns at the
# launcher's up-to-date check (the first builds if the sources changed, the others find it built)
mkdir -p target && flock target/.build.lock ./cnnlab --version >/dev/null
echo "slurm task ${SLURM_ARRAY_JOB_ID:-?}_$cell (job ${SLURM_JOB_ID:-?}, restart ${SLURM_RESTART_COUNT:-0}) on $(hostname): cell $cell of $spec -> $out" >&2
args=(study "$spec" --out "$out" --cell "$cell" --threads "${SLURM_CPUS_PER_TASK:-2}" --quiet)
[[ -z "$data" ]] || args+=(--data "$data")
exec ./cnnlab "${args[@]}"
