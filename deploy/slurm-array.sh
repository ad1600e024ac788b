#!/usr/bin/env bash
# One study cell per array task, on GPU nodes; all tasks share the study directory on a shared
# filesystem (with working POSIX locks: NFSv4, Lustre, GPFS, CephFS). CPU-only nodes: use
# deploy/slurm-array-cpu.sh, the same script without the GPU request.
#   sbatch --array=0-7 deploy/slurm-array.sh studies/reference.yaml /shared/studies/reference [DATA]
# Submit from the cnnlab checkout (or set CNNLAB_HOME to it); SPEC and STUDY_DIR are relative to
# it. The data: the third argument, else $CNNLAB_DATA (sbatch passes the environment on), else
# ~/.cnnlab/data/cifar-100-binary on the node. `./cnnlab study SPEC --list` prints the cells;
# --array=0-(N-1). Re-submit the same array to resume: finished cells are skipped, interrupted
# ones continue from their last checkpoint. --requeue: a task that the scheduler kills (node
# failure, preemption, `scontrol requeue`) is started again and resumes the same way.
#SBATCH --job-name=cnnlab-study
#SBATCH --gres=gpu:1
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=08:00:00
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --output=cnnlab-%A_%a.log
# GPU nodes run the CUDA build (target/cnnlab-cuda.jar, built once by the first task: `mvn -Pcuda`);
# --gres=gpu:1 gives each task one GPU through CUDA_VISIBLE_DEVICES, which cnnlab sees as gpu:0.
export CNNLAB_ENGINE="${CNNLAB_ENGINE:-cuda}"
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
