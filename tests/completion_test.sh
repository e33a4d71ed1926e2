#!/usr/bin/env bash
# The bash completion of both programs, and their manual pages as man
# renders them.
#
#   completion_test.sh BIN_DIR SOURCE_DIR MAN_DIR
set -euo pipefail
bin=$1 source=$2 man_dir=$3
export PATH="$bin:$PATH"
unset INFONOTE_DB
failures=0

# shellcheck source=../share/completion/infonote.bash
source "$source/share/completion/infonote.bash"

# complete WORD... -> what bash would offer for the last word, one a line.
complete_words()
{
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _infonote
    printf '%s\n' "${COMPREPLY[@]}"
}

expect()
{
    local want=$1
    shift
    local got
    got=$(complete_words "$@")
    if [[ $got != "$want" ]]; then
        printf 'FAIL: completing "%s"\n  want: %q\n  got:  %q\n' "$*" "$want" "$got"
        failures=$((failures + 1))
    fi
}

expect search infonote-query sea
expect $'search\nserve' infonote-query se
expect $'search\nattended\nshow\ncountries\nstats\nprofile\ncoattend\ncoverage\ntimeline\nserve' infonote-query ''
expect --listen infonote-query serve --lis
expect --format infonote-query search --form
expect $'text\njson\njsonl\ncsv\nxlsx' infonote-query search --format ''
expect $'text\njson\njsonl' infonote-query show --format ''
expect $'year\nmonth' infonote-query timeline --by ''
expect $'relevance\ndate' infonote-query search --sort ''
expect $'auto\nalways\nnever' infonote-query attended KZ --color ''
expect $'organizer\nparticipant' infonote-query search --org UNODA --org-role ''
expect --bom infonote-query countries --bo
expect --limit infonote-query countries --lim
expect Kazakhstan infonote-query attended Kaz
expect 'United\ Republic\ of\ Tanzania' infonote-query search --country 'United Republic'
expect --version infonote-query --vers
expect $'build\nupdate\nstatus\nrollback\nparse' infonote-index ''
expect --shards infonote-index build corpus --sh
expect $'text\njson' infonote-index status --format ''

# The pages: help2man's, from the programs' own --help, every option there.
for program in infonote-query infonote-index; do
    page=$(MANWIDTH=200 man -l "$man_dir/$program.1" 2>&1)
    version=$("$program" --version)
    for want in "$version" "ENVIRONMENT" "INFONOTE_DB" "/etc/infonote/config"; do
        if [[ $page != *"$want"* ]]; then
            echo "FAIL: $program.1 lacks '$want'"
            failures=$((failures + 1))
        fi
    done
    for command in $(_infonote_commands "$program"); do
        for option in $(_infonote_options "$program" "$command"); do
            if [[ $page != *"$option"* ]]; then
                echo "FAIL: $program.1 lacks $command's $option"
                failures=$((failures + 1))
            fi
        done
        if [[ $page != *"$program $command"* ]]; then
            echo "FAIL: $program.1 has no section for $command"
            failures=$((failures + 1))
        fi
    done
done

if ((failures > 0)); then
    echo "$failures failure(s)"
    exit 1
fi
echo "completion and manual pages: all good"
