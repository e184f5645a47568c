#!/usr/bin/env bash
# Fuzzes every Jazzer target for real (coverage-guided, not only the seed inputs that ./mvnw verify replays) and
# writes the executions and findings per target to target/fuzz/summary.txt.
#   bench/fuzz/run.sh
# Each target runs for the maxDuration of its @FuzzTest annotation (2 minutes); Jazzer lets the annotation win
# over any command-line setting, so change it there for longer runs.
# A finding fails its target; Jazzer stores the input as a crash file beside the seed inputs
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-…); fix the cause and keep the file as a regression seed.
set -uo pipefail
cd "$(dirname "$0")/../.."
targets=(
	"de.leitstand.portfolio.internal.ProjectImportFuzzTests#anyBytes"
	"de.leitstand.portfolio.internal.ProjectImportFuzzTests#anyCells"
	"de.leitstand.portfolio.web.ProjectApiMappingFuzzTests#anyRequestBody"
	"de.leitstand.portfolio.internal.ProjectCsvFuzzTests#cellsNeverStartAFormulaAndSurviveTheRoundTrip"
	"de.leitstand.monitoring.internal.kpi.KpiImportFuzzTests#anyFile"
	"de.leitstand.monitoring.internal.kpi.KpiImportFuzzTests#anyCsvCells"
	"de.leitstand.monitoring.internal.kpi.KpiImportFuzzTests#anyXlsxCells"
	"de.leitstand.prioritization.internal.optimizer.ScenarioJsonFuzzTests#anyText"
)
# Coverage guidance through our code and the parsers it relies on (JSON, CSV, POI's XML and ZIP reading).
includes="de.leitstand.**:tools.jackson.**:org.apache.commons.csv.**:org.apache.poi.**"
mkdir -p target/fuzz
summary=target/fuzz/summary.txt
echo "# $(date -u +%FT%TZ) duration per target: 2m, $(nproc) cores" > "$summary"
./mvnw -B -q -o test-compile >/dev/null
status=0
for target in "${targets[@]}"; do
	log="target/fuzz/${target##*.}.log"
	JAZZER_FUZZ=1 ./mvnw -B -o surefire:test -Dtest="$target" \
		-Djazzer.instrumentation_includes="$includes" \
		-Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1
	rc=$?
	runs="$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
	cov="$(grep -Eo '#[0-9]+[[:space:]]+DONE[[:space:]]+cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)"
	if [ "$rc" -eq 0 ]; then result="no finding"; else result="FINDING or error (exit $rc, see $log)"; status=1; fi
	printf '%s\t%s\t%s\t%s\n' "$target" "${runs:-no libFuzzer summary}" "${cov:-}" "$result" | tee -a "$summary"
done
exit $status
