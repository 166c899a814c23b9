#!/bin/bash

__cabatch_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__cabatch_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__cabatch_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__cabatch_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_cabatch() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __cabatch_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export|select|plan|apply|run|status|report|outcomes|generate|emulator|help)
        # Offer subcommand argument completions
        "_cabatch_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export select plan apply run status report outcomes generate emulator help' -- "${cur}"))
        ;;
    esac
}

_cabatch_export() {
    repeating_flags=()
    non_repeating_flags=(--published-time --quiet --no-color --version -h --help)
    repeating_options=(--repository --status)
    non_repeating_options=(--domain --domain-owner --format --namespace --package-prefix -o --output-inventory --region --profile --endpoint-url --read-rate --concurrency --max-attempts --progress --output)
    __cabatch_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--domain')
        return
        ;;
    '--domain-owner')
        return
        ;;
    '--repository')
        return
        ;;
    '--format')
        __cabatch_add_completions -W 'npm'$'\n''pypi'$'\n''maven'$'\n''nuget'$'\n''generic'$'\n''ruby'$'\n''swift'$'\n''cargo'
        return
        ;;
    '--namespace')
        return
        ;;
    '--package-prefix')
        return
        ;;
    '--status')
        __cabatch_add_completions -W 'Published'$'\n''Unfinished'$'\n''Unlisted'$'\n''Archived'$'\n''Disposed'$'\n''Deleted'
        return
        ;;
    '-o'|'--output-inventory')
        return
        ;;
    '--region')
        return
        ;;
    '--profile')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--read-rate')
        return
        ;;
    '--concurrency')
        return
        ;;
    '--max-attempts')
        return
        ;;
    '--progress')
        __cabatch_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_select() {
    repeating_flags=()
    non_repeating_flags=(--prerelease-only --allow-default-version --allow-empty-packages --quiet --no-color --version -h --help)
    repeating_options=(--repository --format --status)
    non_repeating_options=(-o --output-manifest --decisions --namespace --package --origin --older-than --match --keep-latest --keep-latest-per-major --keep-newer-than --exclude --order --output)
    __cabatch_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output-manifest')
        return
        ;;
    '--decisions')
        return
        ;;
    '--repository')
        return
        ;;
    '--format')
        __cabatch_add_completions -W 'npm'$'\n''pypi'$'\n''maven'$'\n''nuget'$'\n''generic'$'\n''ruby'$'\n''swift'$'\n''cargo'
        return
        ;;
    '--namespace')
        return
        ;;
    '--package')
        return
        ;;
    '--status')
        __cabatch_add_completions -W 'Published'$'\n''Unfinished'$'\n''Unlisted'$'\n''Archived'$'\n''Disposed'$'\n''Deleted'
        return
        ;;
    '--origin')
        __cabatch_add_completions -W 'INTERNAL'$'\n''EXTERNAL'$'\n''UNKNOWN'
        return
        ;;
    '--older-than')
        return
        ;;
    '--match')
        return
        ;;
    '--keep-latest')
        return
        ;;
    '--keep-latest-per-major')
        return
        ;;
    '--keep-newer-than')
        return
        ;;
    '--exclude')
        return
        ;;
    '--order')
        return
        ;;
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_plan() {
    repeating_flags=()
    non_repeating_flags=(--skip-invalid --ignore-inventory-status --quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output-plan --rejects --domain-owner --shard --shard-count --operation --expected-status --output)
    __cabatch_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output-plan')
        return
        ;;
    '--rejects')
        return
        ;;
    '--domain-owner')
        return
        ;;
    '--shard')
        return
        ;;
    '--shard-count')
        return
        ;;
    '--operation')
        __cabatch_add_completions -W 'delete'$'\n''archive'$'\n''unlist'$'\n''restore'$'\n''dispose'
        return
        ;;
    '--expected-status')
        __cabatch_add_completions -W 'Published'$'\n''Unfinished'$'\n''Unlisted'$'\n''Archived'$'\n''Disposed'$'\n''Deleted'
        return
        ;;
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_apply() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --verify -y --yes --quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--region --profile --endpoint-url --concurrency --rate --read-rate --max-attempts --max-failure-rate --expected-status --report --progress --output)
    __cabatch_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--region')
        return
        ;;
    '--profile')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--concurrency')
        return
        ;;
    '--rate')
        return
        ;;
    '--read-rate')
        return
        ;;
    '--max-attempts')
        return
        ;;
    '--max-failure-rate')
        return
        ;;
    '--expected-status')
        __cabatch_add_completions -W 'Published'$'\n''Unfinished'$'\n''Unlisted'$'\n''Archived'$'\n''Disposed'$'\n''Deleted'
        return
        ;;
    '--report')
        return
        ;;
    '--progress')
        __cabatch_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_run() {
    repeating_flags=()
    non_repeating_flags=(--skip-invalid --ignore-inventory-status --dry-run --verify -y --yes --quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output-plan --domain-owner --shard --shard-count --operation --region --profile --endpoint-url --concurrency --rate --read-rate --max-attempts --max-failure-rate --expected-status --report --progress --output)
    __cabatch_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output-plan')
        return
        ;;
    '--domain-owner')
        return
        ;;
    '--shard')
        return
        ;;
    '--shard-count')
        return
        ;;
    '--operation')
        __cabatch_add_completions -W 'delete'$'\n''archive'$'\n''unlist'$'\n''restore'$'\n''dispose'
        return
        ;;
    '--region')
        return
        ;;
    '--profile')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--concurrency')
        return
        ;;
    '--rate')
        return
        ;;
    '--read-rate')
        return
        ;;
    '--max-attempts')
        return
        ;;
    '--max-failure-rate')
        return
        ;;
    '--expected-status')
        __cabatch_add_completions -W 'Published'$'\n''Unfinished'$'\n''Unlisted'$'\n''Archived'$'\n''Disposed'$'\n''Deleted'
        return
        ;;
    '--report')
        return
        ;;
    '--progress')
        __cabatch_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_status() {
    repeating_flags=()
    non_repeating_flags=(--quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--output)
    __cabatch_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_report() {
    repeating_flags=()
    non_repeating_flags=(--failed-only --quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --output -o)
    __cabatch_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--format')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac
}

_cabatch_outcomes() {
    repeating_flags=()
    non_repeating_flags=(--quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--state -o --output-manifest --output)
    __cabatch_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state')
        return
        ;;
    '-o'|'--output-manifest')
        return
        ;;
    '--output')
        __cabatch_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_cabatch_generate() {
    repeating_flags=()
    non_repeating_flags=(--quiet --no-color --version -h --help)
    repeating_options=()
    non_repeating_options=(--rows --seed --output -o --inventory-out --bad)
    __cabatch_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--rows')
        return
        ;;
    '--seed')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    '--inventory-out')
        return
        ;;
    '--bad')
        return
        ;;
    esac
}

_cabatch_emulator() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--deny-repository)
    non_repeating_options=(--port --inventory --seed-from --extra --access-key --secret-key --region --account-id --throttle-tps --read-throttle-tps --error-rate --lost-response-rate --reset-rate --latency-ms --skip-rate --expire-credentials-after --seed --state-out --log --tls-cert --tls-key)
    __cabatch_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--port')
        return
        ;;
    '--inventory')
        return
        ;;
    '--seed-from')
        return
        ;;
    '--extra')
        return
        ;;
    '--access-key')
        return
        ;;
    '--secret-key')
        return
        ;;
    '--region')
        return
        ;;
    '--account-id')
        return
        ;;
    '--deny-repository')
        return
        ;;
    '--throttle-tps')
        return
        ;;
    '--read-throttle-tps')
        return
        ;;
    '--error-rate')
        return
        ;;
    '--lost-response-rate')
        return
        ;;
    '--reset-rate')
        return
        ;;
    '--latency-ms')
        return
        ;;
    '--skip-rate')
        return
        ;;
    '--expire-credentials-after')
        return
        ;;
    '--seed')
        return
        ;;
    '--state-out')
        return
        ;;
    '--log')
        return
        ;;
    '--tls-cert')
        return
        ;;
    '--tls-key')
        return
        ;;
    esac
}

_cabatch_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __cabatch_offer_flags_options -1
}

complete -o filenames -F _cabatch cabatch
