#!/usr/bin/env bash
# Ablation table for README: the cross-validated figures of `storyline train --report-only`
# with every signal, then without each feature group in turn (the model retrained without it).
# Takes about 90 s per line on one core.
#   scripts/ablation.sh [build/src/cli/storyline] [../shared/data]
set -euo pipefail
bin=${1:-build/src/cli/storyline}
data=${2:-../shared/data}
groups="dictionary entities places numbers dates publication_time prefixes lede phrases source"
row() {
  python3 -c '
import json, sys
name, r = sys.argv[1], json.load(sys.stdin)
s = r["semeval_cv"]
print("| %s | %.3f | %.3f | %.3f | %.3f |" % (name, s["pearson"], s["by_lang_pair"]["de-en"]["pearson"],
      r["tgcontest_cv"]["auc"], r["ecbplus_threads_cv"]["b3_f1"]))' "$1"
}
echo "| Model | SemEval Pearson | de-en | Telegram AUC | ECB+ B³ F1 |"
echo "|---|---|---|---|---|"
"$bin" train --data "$data" --report-only 2>/dev/null | row "all signals"
for g in $groups; do
  "$bin" train --data "$data" --without "$g" 2>/dev/null | row "without $g"
done
