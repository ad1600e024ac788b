#!/usr/bin/env bash
# One study cell per array task; all tasks share the study directory on a shared filesystem.
#   sbatch --array=0-7 deploy/slurm-array.sh studies/reference.yaml /shared/studies/reference
# (`./cnnlab study SPEC --list` prints the cells; --array=0-(N-1)). Re-submit the same array to
# resume: finished cells are skipped, interrupted ones continue from their last epoch.
#SBATCH --job-name=cnnlab-study
#SBATCH --gres=gpu:1
#SBATCH --cpus-per-task=8
#SBATCH --time=08:00:00
#SBATCH --output=cnnlab-%A_%a.log
set -euo pipefail
spec="${1:?usage: sbatch --array=0-N deploy/slurm-array.sh SPEC STUDY_DIR}"
out="${2:?usage: sbatch --array=0-N deploy/slurm-array.sh SPEC STUDY_DIR}"
cd "${SLURM_SUBMIT_DIR:-.}"
exec ./cnnlab study "$spec" --out "$out" --cell "${SLURM_ARRAY_TASK_ID:?not a job array task}" \
  --threads "${SLURM_CPUS_PER_TASK:-2}" --quiet
