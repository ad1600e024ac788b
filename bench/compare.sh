#!/usr/bin/env bash
# Side-by-side speed and memory: cnnlab bench vs the PyTorch reference (../shared/bench), run
# alternately in fresh processes with the same model, batch, threads, allocator and layout.
#
#   bench/compare.sh                      # ResNet-29, ResNet-29+SE, ResNet-164; train and infer
#   MODELS="29" ROUNDS=3 bench/compare.sh # fewer models, more rounds
#   MODES=train bench/compare.sh          # training only (default: train and infer)
#   BF16=0 bench/compare.sh               # skip the bf16 mixed-precision column
#
# With BF16 (default: on when the CPU has AVX512-BF16 or AMX-BF16) every round also runs cnnlab
# with --precision bf16; its columns compare it with cnnlab's own fp32 and with PyTorch fp32.
#
# Each side is timed at its steady state: cnnlab bench warms up at least 4 iterations and then until
# the JVM's JIT compiler is quiet (on 2 cores a compiling thread slows every step it overlaps);
# PyTorch is steady after its first iteration.
#
# Needs Debian's python3-torch (apt-get install -y python3-torch) for the peer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peer="${PEER:-$root/../shared/bench/pytorch_preact_resnet.py}"
data="${CNNLAB_DATA:-$root/../shared/data/cifar-100-binary}"
threads="${THREADS:-$(nproc)}"
batch="${BATCH:-128}"
rounds="${ROUNDS:-3}"
models="${MODELS:-29 29se 164}"
modes="${MODES:-train infer}"
python=/usr/bin/python3
if [[ -z "${BF16:-}" ]]; then
  BF16=0; grep -qwE 'avx512_bf16|amx_bf16' /proc/cpuinfo 2>/dev/null && BF16=1
fi

[[ -f "$peer" ]] || { echo "compare.sh: error: PyTorch reference not found at $peer (set PEER=...)" >&2; exit 2; }
"$python" -c 'import torch' 2>/dev/null || { echo "compare.sh: error: $python cannot import torch: apt-get install -y python3-torch" >&2; exit 2; }
tcmalloc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
allocator=glibc
if [[ -f "$tcmalloc" ]]; then export LD_PRELOAD="$tcmalloc"; allocator=tcmalloc; fi
"$root/cnnlab" --version >/dev/null   # builds the jar once, outside the timings

# Iterations scale up at small batches so every timed window holds about as many images as 20
# batches of 128 (at batch 8 an iteration lasts ~25 ms; 20 of them are too few to time steadily),
# and inference, whose steps are about 3x shorter, runs 3x as many: each timed window then lasts
# some seconds in every mode (two-second windows at batch 8 gave ratios from 0.68 to 1.47).
iterations() { # model mode -> "iterations warmup"
  local scale=$(( batch >= 128 ? 1 : 128 / batch ))
  [[ "$2" == infer ]] && scale=$(( scale * 3 ))
  case "$1" in 164*) echo "${ITERS_BIG:-$((8 * scale))} $((2 * scale))";; *) echo "${ITERS:-$((20 * scale))} $((4 * scale))";; esac
}

cnnlab_run() { # model mode [precision] -> "img/s rss_mb gflops peak_fraction"
  local depth="${1%se}" se=""; [[ "$1" == *se ]] && se="--se"
  read -r iters warm <<<"$(iterations "$1" "$2")"
  "$root/cnnlab" bench --depth "$depth" $se --mode "$2" --precision "${3:-fp32}" --batch-size "$batch" \
      --threads "$threads" --iterations "$iters" --warmup "$warm" --synthetic --json 2>/dev/null |
    "$python" -c 'import json,sys; r=json.load(sys.stdin); m=sys.argv[1]
rate=r["trainImagesPerSecond"] if m=="train" else r["inferImagesPerSecond"]
gf=r["gflops"] if m=="train" else r["inferGflops"]
print(rate, r["peakRssMb"], gf, gf/r["peakGflops"])' "$2"
}

torch_run() { # model mode -> "img/s rss_mb"
  local n se=""; case "${1%se}" in 29) n=3;; 164) n=18;; 11) n=1;; *) n=$(( (${1%se} - 2) / 9 ));; esac
  [[ "$1" == *se ]] && se="--se"
  read -r iters warm <<<"$(iterations "$1" "$2")"
  "$python" "$peer" --n "$n" $se --mode "$2" --batch "$batch" --threads "$threads" --iters "$iters" --warmup "$warm" \
      --channels-last 2>/dev/null | grep '^RESULT' |
    sed -E 's/.*img_per_s_median=([0-9.]+).*peak_rss_mb=([0-9-]+).*/\1 \2/'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
range() { sort -g | awk '{a[NR]=$1} END {printf "%.2f-%.2f", a[1], a[NR]}'; }
wins() { awk '$1 >= 1 {w++} END {printf "%d/%d", w, NR}'; }

printf "threads=%s batch=%s allocator=%s layout=channels-last rounds=%s (synthetic input)\n" \
  "$threads" "$batch" "$allocator" "$rounds"
echo "Rates and memory are medians over the rounds. The host's speed drifts from minute to minute, so"
echo "each ratio is taken within a round (runs seconds apart) and the median of those is shown, with"
echo "their range [min-max]; 'faster' counts the rounds in which cnnlab was at least as fast. %peak is"
echo "of the fp32 peak that cnnlab bench explains (measured clock)."
header="%-14s %-6s %12s %12s %7s %11s %6s %9s %6s %10s %10s %6s"
names=(model mode cnnlab_img/s torch_img/s ratio ratio_range faster GFLOP/s %peak cnnlab_MB torch_MB mem)
if [[ "$BF16" == 1 ]]; then
  header="$header %10s %9s %11s %9s %8s"
  names+=(bf16_img/s bf16/fp32 bf16/fp32_rng bf16/torch bf16_MB)
fi
printf "$header\n" "${names[@]}"
for model in $models; do
  for mode in $modes; do
    c_rates=(); t_rates=(); c_rss=(); t_rss=(); gf=(); pf=(); b_rates=(); b_rss=(); ratios=(); b_ratios=()
    for ((r = 0; r < rounds; r++)); do
      read -r cr crss cgf cpf <<<"$(cnnlab_run "$model" "$mode")"
      read -r tr trss <<<"$(torch_run "$model" "$mode")"
      c_rates+=("$cr"); c_rss+=("$crss"); gf+=("$cgf"); pf+=("$cpf"); t_rates+=("$tr"); t_rss+=("$trss")
      ratios+=("$(awk -v a="$cr" -v b="$tr" 'BEGIN {print a / b}')")
      if [[ "$BF16" == 1 ]]; then
        read -r br brss _ _ <<<"$(cnnlab_run "$model" "$mode" bf16)"
        b_rates+=("$br"); b_rss+=("$brss")
        b_ratios+=("$(awk -v a="$br" -v b="$cr" 'BEGIN {print a / b}')")
      fi
    done
    c=$(printf "%s\n" "${c_rates[@]}" | median); t=$(printf "%s\n" "${t_rates[@]}" | median)
    cm=$(printf "%s\n" "${c_rss[@]}" | median); tm=$(printf "%s\n" "${t_rss[@]}" | median)
    g=$(printf "%s\n" "${gf[@]}" | median); p=$(printf "%s\n" "${pf[@]}" | median)
    q=$(printf "%s\n" "${ratios[@]}" | median); qr=$(printf "%s\n" "${ratios[@]}" | range)
    qw=$(printf "%s\n" "${ratios[@]}" | wins)
    name="ResNet-${model%se}"; [[ "$model" == *se ]] && name="$name+SE"
    b=0; bm=0; bq=0; bqr=-
    if [[ "$BF16" == 1 ]]; then
      b=$(printf "%s\n" "${b_rates[@]}" | median); bm=$(printf "%s\n" "${b_rss[@]}" | median)
      bq=$(printf "%s\n" "${b_ratios[@]}" | median); bqr=$(printf "%s\n" "${b_ratios[@]}" | range)
    fi
    awk -v n="$name" -v m="$mode" -v c="$c" -v t="$t" -v q="$q" -v qr="$qr" -v qw="$qw" -v g="$g" -v p="$p" -v cm="$cm" \
        -v tm="$tm" -v bf="$BF16" -v b="$b" -v bm="$bm" -v bq="$bq" -v bqr="$bqr" 'BEGIN {
      printf "%-14s %-6s %12.1f %12.1f %7.2f %11s %6s %9.1f %5.0f%% %10d %10d %6.2f", n, m, c, t, q, qr, qw, g, 100 * p, cm, tm, cm / tm
      if (bf == 1) printf " %10.1f %9.2f %11s %9.2f %8d", b, bq, bqr, b / t, bm
      printf "\n" }'
  done
done
