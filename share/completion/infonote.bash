# bash completion for infonote-query and infonote-index.
#
# Commands, options and the values of --format, --sort, --by, --color and
# --org-role are read from the program's own --help, so they cannot drift
# from it; country names come from `infonote-query __complete countries`.

# The subcommands listed under "Subcommands:" in PROGRAM --help.
_infonote_commands()
{
    "$1" --help 2>/dev/null |
        awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

# The long options in PROGRAM [COMMAND] --help.
_infonote_options()
{
    "$@" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# The values of option $3 of PROGRAM COMMAND, from its "{a,b,c}" in --help.
_infonote_values()
{
    "$1" "$2" --help 2>/dev/null |
        sed -n "s/^ *$3 [A-Z]*:{\([^}]*\)}.*/\1/p" | tr ',' '\n'
}

_infonote()
{
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cmd= i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --log-file) ((i++)) ;;
        -*) ;;
        *)
            cmd=${COMP_WORDS[i]}
            break
            ;;
        esac
    done
    local IFS=$'\n'
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_infonote_options "$prog")" -- "$cur"))
        elif [[ $prev == --log-file ]]; then
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_infonote_commands "$prog")" -- "$cur"))
        fi
        return
    fi
    local countries=
    case $prev in
    --format | --sort | --by | --color | --org-role)
        COMPREPLY=($(compgen -W "$(_infonote_values "$prog" "$cmd" "$prev")" -- "$cur"))
        return
        ;;
    --country | --venue-country) countries=1 ;;
    --db | --report | --log-file)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    esac
    if [[ -z $countries && $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_infonote_options "$prog" "$cmd")" -- "$cur"))
        return
    fi
    if [[ -n $countries || ($prog == *infonote-query && $cmd == attended) ]]; then
        local c
        COMPREPLY=()
        while IFS= read -r c; do
            [[ ${c,,} == "${cur,,}"* ]] && COMPREPLY+=("$(printf '%q' "$c")")
        done < <("$prog" __complete countries 2>/dev/null)
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _infonote infonote-query infonote-index
