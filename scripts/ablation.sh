#!/usr/bin/env bash
# Ablation table for README: the cross-validated figures of `storyline train --report-only`
# with every signal, then without each feature group in turn (the model retrained without it).
# Each figure is the mean over SPLITS assignments of pairs to folds (`--fold-split`): one split
# alone moves the Telegram AUC and the ECB+ F1 by ±0.02, more than most signals are worth.
# About 4 minutes per training on one core (nested cross-validation); JOBS trainings run at once.
#   [SPLITS=4] [JOBS=2] scripts/ablation.sh [build/src/cli/storyline] [../shared/data]
set -euo pipefail
bin=${1:-build/src/cli/storyline}
data=${2:-../shared/data}
splits=${SPLITS:-4}
jobs=${JOBS:-2}
groups="dictionary entities places numbers dates publication_time prefixes lede phrases source"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for g in all $groups; do
  for s in $(seq 0 $((splits - 1))); do echo "$g $s"; done
done | xargs -P "$jobs" -n 2 sh -c '
  without=""; [ "$1" = all ] || without="--without $1"
  "$0" train --data "'"$data"'" --report-only --fold-split "$2" $without 2>"'"$out"'/$1.$2.err" > "'"$out"'/$1.$2.json" ||
    { echo "ablation: training $1, split $2 failed:" >&2; tail -5 "'"$out"'/$1.$2.err" >&2; exit 255; }
' "$bin"

python3 - "$out" "$splits" $groups <<'EOF'
import json, sys
out, splits, groups = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def figures(g):
    rows = []
    for s in range(splits):
        r = json.load(open(f"{out}/{g}.{s}.json"))
        sem = r["semeval_cv"]
        rows.append((sem["pearson"], sem["by_lang_pair"]["de-en"]["pearson"],
                     r["tgcontest_cv"]["auc"], r["ecbplus_threads_cv"]["b3_f1"]))
    # A figure that is undefined on a split (too few pairs, one class only) is null: the mean
    # is over the splits that define it, and "n/a" when none does.
    means = []
    for c in zip(*rows):
        defined = [v for v in c if v is not None]
        means.append("%.3f" % (sum(defined) / len(defined)) if defined else "n/a")
    return means
print("| Model | SemEval Pearson | de-en | Telegram AUC | ECB+ B³ F1 |")
print("|---|---|---|---|---|")
for g in ["all"] + groups:
    name = "all signals" if g == "all" else "without " + g
    print("| %s | %s | %s | %s | %s |" % (name, *figures(g)))
EOF
