#compdef cabatch

__cabatch_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__cabatch_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __cabatch_complete "${completions[@]:0:-1}"
    fi
}

__cabatch_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_cabatch() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'export:List what a domain holds into an inventory (resumable).'
            'select:Choose versions to remove from inventories by retention rules; writes a manifest.'
            'plan:Validate manifests and group them into a sealed plan of batch requests.'
            'apply:Run a plan'\''s requests, journaling every answer; resumes where an earlier run stopped.'
            'run:Plan manifests and apply the plan in one step.'
            'status:Show what is done and what is pending for a plan, from its journal (no network).'
            'report:Write a deletion report from one or more plans and their journals (several shards together).'
            'outcomes:Write the versions of a plan that ended in one state as a manifest.'
            'generate:Write a synthetic manifest (and an inventory that contains it) for demos and benchmarks.'
            'emulator:Run a local CodeArtifact emulator on loopback.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        export|select|plan|apply|run|status|report|outcomes|generate|emulator|help)
            "_cabatch_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_cabatch_export() {
    local -i ret=1
    local -ar ___format=('npm' 'pypi' 'maven' 'nuget' 'generic' 'ruby' 'swift' 'cargo')
    local -ar ___status=('Published' 'Unfinished' 'Unlisted' 'Archived' 'Disposed' 'Deleted')
    local -ar ___progress=('auto' 'always' 'never')
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        '--domain[The domain to list.]:domain:'
        '--domain-owner[The account that owns the domain (default\: your own).]:domain-owner:'
        '*--repository[Only this repository (repeat for more; default\: every repository of the domain).]:repository:'
        '--format[Only packages of this format.]:format:{__cabatch_complete "${___format[@]}"}'
        '--namespace[Only packages whose namespace starts with this.]:namespace:'
        '--package-prefix[Only packages whose name starts with this.]:package-prefix:'
        '*--status[Only versions with this status (repeat for more; default\: every status).]:status:{__cabatch_complete "${___status[@]}"}'
        '--published-time[Also read each version'\''s publishedTime\: one DescribePackageVersion per version.]'
        '(-o --output-inventory)'{-o,--output-inventory}'[Where to write the inventory (zstd when it ends in .zst).]:inventory:'
        '--region[The AWS region (default\: AWS_REGION, AWS_DEFAULT_REGION, then the profile'\''s region).]:region:'
        '--profile[Use this profile from the shared config and credentials files.]:profile:'
        '--endpoint-url[Send requests to this endpoint instead of the region'\''s (plain http\:// only on loopback).]:endpoint-url:'
        '--read-rate[Read requests per second; lowered automatically on throttling. CodeArtifact'\''s read quotas (200/s per List operation, 800/s for all reads) are shared with everyone in the account.]:read-rate:'
        '--concurrency[Packages listed at once.]:concurrency:'
        '--max-attempts[Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the export is healthy.]:max-attempts:'
        '--progress[Progress display\: auto (on a terminal), always, or never.]:progress:{__cabatch_complete "${___progress[@]}"}'
        '--output[Summary format\: text or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_select() {
    local -i ret=1
    local -ar ___format=('npm' 'pypi' 'maven' 'nuget' 'generic' 'ruby' 'swift' 'cargo')
    local -ar ___status=('Published' 'Unfinished' 'Unlisted' 'Archived' 'Disposed' 'Deleted')
    local -ar ___origin=('INTERNAL' 'EXTERNAL' 'UNKNOWN')
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        '*:inventories:'
        '(-o --output-manifest)'{-o,--output-manifest}'[Where to write the manifest of selected versions.]:output-manifest:'
        '--decisions[Also write every version'\''s decision and the rule that made it here (JSON Lines).]:decisions:'
        '*--repository[Only packages in this repository (repeat for more).]:repository:'
        '*--format[Only packages of this format (repeat for more).]:format:{__cabatch_complete "${___format[@]}"}'
        '--namespace[Only packages in this namespace.]:namespace:'
        '--package[Only packages whose name matches this regular expression (whole name).]:package:'
        '*--status[Only versions with this status (repeat for more; default\: every status but Deleted).]:status:{__cabatch_complete "${___status[@]}"}'
        '--origin[Only versions of this origin\: INTERNAL or EXTERNAL.]:origin:{__cabatch_complete "${___origin[@]}"}'
        '--older-than[Select only versions published longer ago than this (90d, 12h, 2w); needs publishedTime.]:older-than:'
        '--prerelease-only[Select only pre-release versions (as the ecosystem defines them).]'
        '--match[Select only versions matching this regular expression (whole version).]:match:'
        '--keep-latest[Keep each package'\''s N highest live versions, counted over all its versions that are not Deleted or Disposed, in or out of scope.]:keep-latest:'
        '--keep-latest-per-major[Keep the N highest live versions of each major version.]:keep-latest-per-major:'
        '--keep-newer-than[Keep versions published more recently than this (90d, 12h, 2w); needs publishedTime.]:keep-newer-than:'
        '--exclude[Keep versions matching this regular expression (whole version).]:exclude:'
        '--order[Rank versions by version or published (default\: version, and published for generic).]:order:'
        '--allow-default-version[Let the package'\''s default display version be selected.]'
        '--allow-empty-packages[Let a selection take every live version of a package.]'
        '--output[Summary format\: text or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_plan() {
    local -i ret=1
    local -ar ___operation=('delete' 'archive' 'unlist' 'restore' 'dispose')
    local -ar ___expected_status=('Published' 'Unfinished' 'Unlisted' 'Archived' 'Disposed' 'Deleted')
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        '*:manifests:'
        '(-o --output-plan)'{-o,--output-plan}'[Where to write the plan (default\: PLAN named after the first manifest, in the current directory).]:output-plan:'
        '--skip-invalid[Plan the valid rows even when some lines are rejected (the rejects file is still written).]'
        '--rejects[Where to write rejected lines as JSON Lines (default\: PLAN.rejects.jsonl).]:rejects:'
        '--domain-owner[The 12-digit account that owns the domain, for rows without domainOwner.]:domain-owner:'
        '--shard[Plan only shard I of N (I from 0)\: packages are split by a stable hash, all versions of a package in one shard.]:shard:'
        '--shard-count[Split into N shards, taking this job'\''s index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.]:shard-count:'
        '--operation[What to do to every version\: delete (DeletePackageVersions), archive, unlist, restore (UpdatePackageVersionsStatus to Archived, Unlisted, Published) or dispose (DisposePackageVersions). Rows'\'' status becomes each request'\''s expectedStatus; their revision becomes versionRevisions for every operation but delete, whose API has no such member.]:operation:{__cabatch_complete "${___operation[@]}"}'
        '--ignore-inventory-status[Send no precondition from the rows'\'' status and revision (for an inventory known to be stale).]'
        '--expected-status[Expect this status of every version (Published, Unlisted, Archived, …) instead of the rows'\'' own, so a version whose status changed is refused, not changed.]:expected-status:{__cabatch_complete "${___expected_status[@]}"}'
        '--output[Summary format\: text or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_apply() {
    local -i ret=1
    local -ar ___expected_status=('Published' 'Unfinished' 'Unlisted' 'Archived' 'Disposed' 'Deleted')
    local -ar ___progress=('auto' 'always' 'never')
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        ':plan:'
        '--region[The AWS region (default\: AWS_REGION, AWS_DEFAULT_REGION, then the profile'\''s region).]:region:'
        '--profile[Use this profile from the shared config and credentials files.]:profile:'
        '--endpoint-url[Send requests to this endpoint instead of the region'\''s (plain http\:// only on loopback).]:endpoint-url:'
        '--concurrency[Requests in flight at once.]:concurrency:'
        '--rate[Starting (and highest) request rate per second; lowered automatically on throttling. CodeArtifact'\''s default quota is 100 write requests/s for the whole account.]:rate:'
        '--read-rate[Read requests per second (--verify'\''s listings), a budget apart from --rate; lowered automatically on throttling. CodeArtifact'\''s read quotas are shared with everyone in the account.]:read-rate:'
        '--max-attempts[Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the run is healthy.]:max-attempts:'
        '--max-failure-rate[Stop (resumably) when permanent failures exceed this fraction of answered versions, after 1,000 versions.]:max-failure-rate:'
        '--expected-status[Expect this status (Published, Unlisted, Archived, …) of every version the plan gives no status of, so a version whose status changed since the inventory was taken is left alone; with run, it replaces the rows'\'' statuses.]:expected-status:{__cabatch_complete "${___expected_status[@]}"}'
        '--dry-run[Do everything but the API call\: print the requests that would be sent.]'
        '--verify[Afterwards, list every touched package'\''s versions and report any planned version still present.]'
        '--report[Also write a report to this file (format from its extension\: .md, .json, .csv, .html).]:report:'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation (needed when standard input is not a terminal).]'
        '--progress[Progress display\: auto (on a terminal), always, or never.]:progress:{__cabatch_complete "${___progress[@]}"}'
        '--output[Summary format\: text (Markdown) or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_run() {
    local -i ret=1
    local -ar ___operation=('delete' 'archive' 'unlist' 'restore' 'dispose')
    local -ar ___expected_status=('Published' 'Unfinished' 'Unlisted' 'Archived' 'Disposed' 'Deleted')
    local -ar ___progress=('auto' 'always' 'never')
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        '*:manifests:'
        '(-o --output-plan)'{-o,--output-plan}'[Where to write the plan (default\: NAME.plan after the first manifest).]:output-plan:'
        '--skip-invalid[Run the valid rows even when some lines are rejected.]'
        '--domain-owner[The 12-digit account that owns the domain, for rows without domainOwner.]:domain-owner:'
        '--shard[Plan only shard I of N (I from 0)\: packages are split by a stable hash, all versions of a package in one shard.]:shard:'
        '--shard-count[Split into N shards, taking this job'\''s index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.]:shard-count:'
        '--operation[What to do to every version\: delete (DeletePackageVersions), archive, unlist, restore (UpdatePackageVersionsStatus to Archived, Unlisted, Published) or dispose (DisposePackageVersions). Rows'\'' status becomes each request'\''s expectedStatus; their revision becomes versionRevisions for every operation but delete, whose API has no such member.]:operation:{__cabatch_complete "${___operation[@]}"}'
        '--ignore-inventory-status[Send no precondition from the rows'\'' status and revision (for an inventory known to be stale).]'
        '--region[The AWS region (default\: AWS_REGION, AWS_DEFAULT_REGION, then the profile'\''s region).]:region:'
        '--profile[Use this profile from the shared config and credentials files.]:profile:'
        '--endpoint-url[Send requests to this endpoint instead of the region'\''s (plain http\:// only on loopback).]:endpoint-url:'
        '--concurrency[Requests in flight at once.]:concurrency:'
        '--rate[Starting (and highest) request rate per second; lowered automatically on throttling. CodeArtifact'\''s default quota is 100 write requests/s for the whole account.]:rate:'
        '--read-rate[Read requests per second (--verify'\''s listings), a budget apart from --rate; lowered automatically on throttling. CodeArtifact'\''s read quotas are shared with everyone in the account.]:read-rate:'
        '--max-attempts[Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the run is healthy.]:max-attempts:'
        '--max-failure-rate[Stop (resumably) when permanent failures exceed this fraction of answered versions, after 1,000 versions.]:max-failure-rate:'
        '--expected-status[Expect this status (Published, Unlisted, Archived, …) of every version the plan gives no status of, so a version whose status changed since the inventory was taken is left alone; with run, it replaces the rows'\'' statuses.]:expected-status:{__cabatch_complete "${___expected_status[@]}"}'
        '--dry-run[Do everything but the API call\: print the requests that would be sent.]'
        '--verify[Afterwards, list every touched package'\''s versions and report any planned version still present.]'
        '--report[Also write a report to this file (format from its extension\: .md, .json, .csv, .html).]:report:'
        '(-y --yes)'{-y,--yes}'[Do not ask for confirmation (needed when standard input is not a terminal).]'
        '--progress[Progress display\: auto (on a terminal), always, or never.]:progress:{__cabatch_complete "${___progress[@]}"}'
        '--output[Summary format\: text (Markdown) or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_status() {
    local -i ret=1
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        ':plan:'
        '--output[Output format\: text or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_report() {
    local -i ret=1
    local -ar arg_specs=(
        '*:sources:'
        '--format[markdown, json, csv or html.]:format:'
        '(--output -o)'{--output,-o}'[Write the report here instead of standard output.]:output:'
        '--failed-only[With --format csv\: only the versions that failed.]'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_outcomes() {
    local -i ret=1
    local -ar ___output=('text' 'json')
    local -ar arg_specs=(
        ':plan:'
        '--state[done, absent, changed, failed or pending (done may be named after the operation\: archived, deleted, …).]:state:'
        '(-o --output-manifest)'{-o,--output-manifest}'[Where to write the manifest (zstd when it ends in .zst).]:manifest:'
        '--output[Summary format\: text or json.]:output:{__cabatch_complete "${___output[@]}"}'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_generate() {
    local -i ret=1
    local -ar arg_specs=(
        '--rows[Number of valid manifest rows.]:rows:'
        '--seed[Seed for the generator; the same seed gives the same files.]:seed:'
        '(--output -o)'{--output,-o}'[Where to write the manifest.]:output:'
        '--inventory-out[Also write an inventory (a superset of the manifest, with status) here.]:inventory-out:'
        '--bad[Add this many bad lines, cycling through every reject kind.]:bad:'
        '--quiet[Print only errors, warnings and what --output json asks for\: no progress, no summary for people.]'
        '--no-color[No colour in messages (also when NO_COLOR is set, or the output is not a terminal).]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_emulator() {
    local -i ret=1
    local -ar arg_specs=(
        '--port[The port to listen on; 0 picks a free one.]:port:'
        '--inventory[A JSON Lines inventory (.zst or plain) of rows with an optional status.]:file:'
        '--seed-from[Seed the inventory with every version of this manifest.]:manifest:'
        '--extra[With --seed-from, this many more versions spread over the manifest'\''s packages.]:extra:'
        '--access-key[The access key id the emulator accepts.]:access-key:'
        '--secret-key[The secret access key of --access-key; by default the AWS documentation'\''s example key.]:secret-key:'
        '--region[The region requests must be signed for.]:region:'
        '--account-id[The account that owns domains whose rows name no domainOwner.]:account-id:'
        '*--deny-repository[Answer AccessDeniedException for this repository (repeatable).]:domain/repository:'
        '--throttle-tps[Write requests a second before ThrottlingException (429 with Retry-After).]:n:'
        '--read-throttle-tps[Read requests (list, describe) a second before ThrottlingException, counted apart from writes.]:n:'
        '--error-rate[Share of requests answered 500 before any work.]:p:'
        '--lost-response-rate[Share of writes done whose answer is lost\: a 500 or a dropped connection.]:p:'
        '--reset-rate[Share of requests whose connection is closed with no answer.]:p:'
        '--latency-ms[Delay every answer by N milliseconds, plus up to JITTER more.]:n\[\:jitter\]:'
        '--skip-rate[Share of versions answered SKIPPED with nothing done.]:p:'
        '--expire-credentials-after[After N requests, refuse every request with ExpiredTokenException, as when temporary credentials run out mid-run.]:n:'
        '--seed[The seed of every fault draw.]:seed:'
        '--state-out[Write every version'\''s final status and delete count here on exit and on SIGUSR1.]:file:'
        '--log[Write one JSON line per request here.]:file:'
        '--tls-cert[Serve HTTPS with this PEM certificate (chain); needs --tls-key. Clients trust it through AWS_CA_BUNDLE.]:file:'
        '--tls-key[The PEM private key of --tls-cert.]:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_cabatch_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _cabatch ]]; then
    _cabatch "${@}"
else
    compdef _cabatch cabatch
fi
