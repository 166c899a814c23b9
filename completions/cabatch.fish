function __cabatch_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cabatch_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __cabatch_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __cabatch_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __cabatch_parse_tokens -S
    set -l unparsed_tokens (__cabatch_tokens -pc)
    switch $unparsed_tokens[1]
    case 'cabatch'
        __cabatch_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'export'
            __cabatch_parse_subcommand 0 'domain=' 'domain-owner=' 'repository=+' 'format=' 'namespace=' 'package-prefix=' 'status=+' 'published-time' 'o/output-inventory=' 'region=' 'profile=' 'endpoint-url=' 'read-rate=' 'concurrency=' 'max-attempts=' 'progress=' 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'select'
            __cabatch_parse_subcommand -r 1 'o/output-manifest=' 'decisions=' 'repository=+' 'format=+' 'namespace=' 'package=' 'status=+' 'origin=' 'older-than=' 'prerelease-only' 'match=' 'keep-latest=' 'keep-latest-per-major=' 'keep-newer-than=' 'exclude=' 'order=' 'allow-default-version' 'allow-empty-packages' 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'plan'
            __cabatch_parse_subcommand -r 1 'o/output-plan=' 'skip-invalid' 'rejects=' 'domain-owner=' 'shard=' 'shard-count=' 'operation=' 'ignore-inventory-status' 'expected-status=' 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'apply'
            __cabatch_parse_subcommand 1 'region=' 'profile=' 'endpoint-url=' 'concurrency=' 'rate=' 'read-rate=' 'max-attempts=' 'max-failure-rate=' 'expected-status=' 'dry-run' 'verify' 'report=' 'y/yes' 'progress=' 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'run'
            __cabatch_parse_subcommand -r 1 'o/output-plan=' 'skip-invalid' 'domain-owner=' 'shard=' 'shard-count=' 'operation=' 'ignore-inventory-status' 'region=' 'profile=' 'endpoint-url=' 'concurrency=' 'rate=' 'read-rate=' 'max-attempts=' 'max-failure-rate=' 'expected-status=' 'dry-run' 'verify' 'report=' 'y/yes' 'progress=' 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'status'
            __cabatch_parse_subcommand 1 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'report'
            __cabatch_parse_subcommand -r 1 'format=' 'o/output=' 'failed-only' 'quiet' 'no-color' 'version' 'h/help'
        case 'outcomes'
            __cabatch_parse_subcommand 1 'state=' 'o/output-manifest=' 'output=' 'quiet' 'no-color' 'version' 'h/help'
        case 'generate'
            __cabatch_parse_subcommand 0 'rows=' 'seed=' 'o/output=' 'inventory-out=' 'bad=' 'quiet' 'no-color' 'version' 'h/help'
        case 'emulator'
            __cabatch_parse_subcommand 0 'port=' 'inventory=' 'seed-from=' 'extra=' 'access-key=' 'secret-key=' 'region=' 'account-id=' 'deny-repository=+' 'throttle-tps=' 'read-throttle-tps=' 'error-rate=' 'lost-response-rate=' 'reset-rate=' 'latency-ms=' 'skip-rate=' 'expire-credentials-after=' 'seed=' 'state-out=' 'log=' 'tls-cert=' 'tls-key=' 'version' 'h/help'
        case 'help'
            __cabatch_parse_subcommand -r 1 'version'
        end
    end
end

function __cabatch_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __cabatch_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __cabatch_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __cabatch_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__cabatch_tokens -p)
    if test -z "$(__cabatch_tokens -t)"
        set -l index (count (__cabatch_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'cabatch' -f
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'export' -d 'List what a domain holds into an inventory (resumable).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'select' -d 'Choose versions to remove from inventories by retention rules; writes a manifest.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'plan' -d 'Validate manifests and group them into a sealed plan of batch requests.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'apply' -d 'Run a plan\'s requests, journaling every answer; resumes where an earlier run stopped.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'run' -d 'Plan manifests and apply the plan in one step.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'status' -d 'Show what is done and what is pending for a plan, from its journal (no network).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'report' -d 'Write a deletion report from one or more plans and their journals (several shards together).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'outcomes' -d 'Write the versions of a plan that ended in one state as a manifest.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'generate' -d 'Write a synthetic manifest (and an inventory that contains it) for demos and benchmarks.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'emulator' -d 'Run a local CodeArtifact emulator on loopback.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_positional "cabatch" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" domain' -l 'domain' -d 'The domain to list.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" domain-owner' -l 'domain-owner' -d 'The account that owns the domain (default: your own).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export"' -l 'repository' -d 'Only this repository (repeat for more; default: every repository of the domain).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" format' -l 'format' -d 'Only packages of this format.' -rfka 'npm pypi maven nuget generic ruby swift cargo'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" namespace' -l 'namespace' -d 'Only packages whose namespace starts with this.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" package-prefix' -l 'package-prefix' -d 'Only packages whose name starts with this.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export"' -l 'status' -d 'Only versions with this status (repeat for more; default: every status).' -rfka 'Published Unfinished Unlisted Archived Disposed Deleted'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" published-time' -l 'published-time' -d 'Also read each version\'s publishedTime: one DescribePackageVersion per version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" o output-inventory' -s 'o' -l 'output-inventory' -d 'Where to write the inventory (zstd when it ends in .zst).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" region' -l 'region' -d 'The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s region).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" profile' -l 'profile' -d 'Use this profile from the shared config and credentials files.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" endpoint-url' -l 'endpoint-url' -d 'Send requests to this endpoint instead of the region\'s (plain http:// only on loopback).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" read-rate' -l 'read-rate' -d 'Read requests per second; lowered automatically on throttling. CodeArtifact\'s read quotas (200/s per List operation, 800/s for all reads) are shared with everyone in the account.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" concurrency' -l 'concurrency' -d 'Packages listed at once.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" max-attempts' -l 'max-attempts' -d 'Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the export is healthy.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" progress' -l 'progress' -d 'Progress display: auto (on a terminal), always, or never.' -rfka 'auto always never'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" output' -l 'output' -d 'Summary format: text or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" o output-manifest' -s 'o' -l 'output-manifest' -d 'Where to write the manifest of selected versions.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" decisions' -l 'decisions' -d 'Also write every version\'s decision and the rule that made it here (JSON Lines).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select"' -l 'repository' -d 'Only packages in this repository (repeat for more).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select"' -l 'format' -d 'Only packages of this format (repeat for more).' -rfka 'npm pypi maven nuget generic ruby swift cargo'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" namespace' -l 'namespace' -d 'Only packages in this namespace.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" package' -l 'package' -d 'Only packages whose name matches this regular expression (whole name).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select"' -l 'status' -d 'Only versions with this status (repeat for more; default: every status but Deleted).' -rfka 'Published Unfinished Unlisted Archived Disposed Deleted'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" origin' -l 'origin' -d 'Only versions of this origin: INTERNAL or EXTERNAL.' -rfka 'INTERNAL EXTERNAL UNKNOWN'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" older-than' -l 'older-than' -d 'Select only versions published longer ago than this (90d, 12h, 2w); needs publishedTime.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" prerelease-only' -l 'prerelease-only' -d 'Select only pre-release versions (as the ecosystem defines them).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" match' -l 'match' -d 'Select only versions matching this regular expression (whole version).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" keep-latest' -l 'keep-latest' -d 'Keep each package\'s N highest live versions, counted over all its versions that are not Deleted or Disposed, in or out of scope.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" keep-latest-per-major' -l 'keep-latest-per-major' -d 'Keep the N highest live versions of each major version.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" keep-newer-than' -l 'keep-newer-than' -d 'Keep versions published more recently than this (90d, 12h, 2w); needs publishedTime.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" exclude' -l 'exclude' -d 'Keep versions matching this regular expression (whole version).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" order' -l 'order' -d 'Rank versions by version or published (default: version, and published for generic).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" allow-default-version' -l 'allow-default-version' -d 'Let the package\'s default display version be selected.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" allow-empty-packages' -l 'allow-empty-packages' -d 'Let a selection take every live version of a package.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" output' -l 'output' -d 'Summary format: text or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch select" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" o output-plan' -s 'o' -l 'output-plan' -d 'Where to write the plan (default: PLAN named after the first manifest, in the current directory).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" skip-invalid' -l 'skip-invalid' -d 'Plan the valid rows even when some lines are rejected (the rejects file is still written).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" rejects' -l 'rejects' -d 'Where to write rejected lines as JSON Lines (default: PLAN.rejects.jsonl).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" domain-owner' -l 'domain-owner' -d 'The 12-digit account that owns the domain, for rows without domainOwner.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" shard' -l 'shard' -d 'Plan only shard I of N (I from 0): packages are split by a stable hash, all versions of a package in one shard.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" shard-count' -l 'shard-count' -d 'Split into N shards, taking this job\'s index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" operation' -l 'operation' -d 'What to do to every version: delete (DeletePackageVersions), archive, unlist, restore (UpdatePackageVersionsStatus to Archived, Unlisted, Published) or dispose (DisposePackageVersions). Rows\' status becomes each request\'s expectedStatus; their revision becomes versionRevisions for every operation but delete, whose API has no such member.' -rfka 'delete archive unlist restore dispose'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" ignore-inventory-status' -l 'ignore-inventory-status' -d 'Send no precondition from the rows\' status and revision (for an inventory known to be stale).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" expected-status' -l 'expected-status' -d 'Expect this status of every version (Published, Unlisted, Archived, …) instead of the rows\' own, so a version whose status changed is refused, not changed.' -rfka 'Published Unfinished Unlisted Archived Disposed Deleted'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" output' -l 'output' -d 'Summary format: text or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch plan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" region' -l 'region' -d 'The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s region).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" profile' -l 'profile' -d 'Use this profile from the shared config and credentials files.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" endpoint-url' -l 'endpoint-url' -d 'Send requests to this endpoint instead of the region\'s (plain http:// only on loopback).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" concurrency' -l 'concurrency' -d 'Requests in flight at once.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" rate' -l 'rate' -d 'Starting (and highest) request rate per second; lowered automatically on throttling. CodeArtifact\'s default quota is 100 write requests/s for the whole account.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" read-rate' -l 'read-rate' -d 'Read requests per second (--verify\'s listings), a budget apart from --rate; lowered automatically on throttling. CodeArtifact\'s read quotas are shared with everyone in the account.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" max-attempts' -l 'max-attempts' -d 'Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the run is healthy.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" max-failure-rate' -l 'max-failure-rate' -d 'Stop (resumably) when permanent failures exceed this fraction of answered versions, after 1,000 versions.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" expected-status' -l 'expected-status' -d 'Expect this status (Published, Unlisted, Archived, …) of every version the plan gives no status of, so a version whose status changed since the inventory was taken is left alone; with run, it replaces the rows\' statuses.' -rfka 'Published Unfinished Unlisted Archived Disposed Deleted'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" dry-run' -l 'dry-run' -d 'Do everything but the API call: print the requests that would be sent.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" verify' -l 'verify' -d 'Afterwards, list every touched package\'s versions and report any planned version still present.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" report' -l 'report' -d 'Also write a report to this file (format from its extension: .md, .json, .csv, .html).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" y yes' -s 'y' -l 'yes' -d 'Do not ask for confirmation (needed when standard input is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" progress' -l 'progress' -d 'Progress display: auto (on a terminal), always, or never.' -rfka 'auto always never'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" output' -l 'output' -d 'Summary format: text (Markdown) or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch apply" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" o output-plan' -s 'o' -l 'output-plan' -d 'Where to write the plan (default: NAME.plan after the first manifest).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" skip-invalid' -l 'skip-invalid' -d 'Run the valid rows even when some lines are rejected.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" domain-owner' -l 'domain-owner' -d 'The 12-digit account that owns the domain, for rows without domainOwner.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" shard' -l 'shard' -d 'Plan only shard I of N (I from 0): packages are split by a stable hash, all versions of a package in one shard.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" shard-count' -l 'shard-count' -d 'Split into N shards, taking this job\'s index from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" operation' -l 'operation' -d 'What to do to every version: delete (DeletePackageVersions), archive, unlist, restore (UpdatePackageVersionsStatus to Archived, Unlisted, Published) or dispose (DisposePackageVersions). Rows\' status becomes each request\'s expectedStatus; their revision becomes versionRevisions for every operation but delete, whose API has no such member.' -rfka 'delete archive unlist restore dispose'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" ignore-inventory-status' -l 'ignore-inventory-status' -d 'Send no precondition from the rows\' status and revision (for an inventory known to be stale).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" region' -l 'region' -d 'The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s region).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" profile' -l 'profile' -d 'Use this profile from the shared config and credentials files.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" endpoint-url' -l 'endpoint-url' -d 'Send requests to this endpoint instead of the region\'s (plain http:// only on loopback).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" concurrency' -l 'concurrency' -d 'Requests in flight at once.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" rate' -l 'rate' -d 'Starting (and highest) request rate per second; lowered automatically on throttling. CodeArtifact\'s default quota is 100 write requests/s for the whole account.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" read-rate' -l 'read-rate' -d 'Read requests per second (--verify\'s listings), a budget apart from --rate; lowered automatically on throttling. CodeArtifact\'s read quotas are shared with everyone in the account.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" max-attempts' -l 'max-attempts' -d 'Attempts per request for transient failures (5xx, timeouts, resets); throttling is retried while the run is healthy.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" max-failure-rate' -l 'max-failure-rate' -d 'Stop (resumably) when permanent failures exceed this fraction of answered versions, after 1,000 versions.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" expected-status' -l 'expected-status' -d 'Expect this status (Published, Unlisted, Archived, …) of every version the plan gives no status of, so a version whose status changed since the inventory was taken is left alone; with run, it replaces the rows\' statuses.' -rfka 'Published Unfinished Unlisted Archived Disposed Deleted'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" dry-run' -l 'dry-run' -d 'Do everything but the API call: print the requests that would be sent.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" verify' -l 'verify' -d 'Afterwards, list every touched package\'s versions and report any planned version still present.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" report' -l 'report' -d 'Also write a report to this file (format from its extension: .md, .json, .csv, .html).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" y yes' -s 'y' -l 'yes' -d 'Do not ask for confirmation (needed when standard input is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" progress' -l 'progress' -d 'Progress display: auto (on a terminal), always, or never.' -rfka 'auto always never'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" output' -l 'output' -d 'Summary format: text (Markdown) or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch status" output' -l 'output' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch status" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch status" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch status" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" format' -l 'format' -d 'markdown, json, csv or html.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" o output' -l 'output' -s 'o' -d 'Write the report here instead of standard output.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" failed-only' -l 'failed-only' -d 'With --format csv: only the versions that failed.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" state' -l 'state' -d 'done, absent, changed, failed or pending (done may be named after the operation: archived, deleted, …).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" o output-manifest' -s 'o' -l 'output-manifest' -d 'Where to write the manifest (zstd when it ends in .zst).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" output' -l 'output' -d 'Summary format: text or json.' -rfka 'text json'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch outcomes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" rows' -l 'rows' -d 'Number of valid manifest rows.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" seed' -l 'seed' -d 'Seed for the generator; the same seed gives the same files.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" o output' -l 'output' -s 'o' -d 'Where to write the manifest.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" inventory-out' -l 'inventory-out' -d 'Also write an inventory (a superset of the manifest, with status) here.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" bad' -l 'bad' -d 'Add this many bad lines, cycling through every reject kind.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" quiet' -l 'quiet' -d 'Print only errors, warnings and what --output json asks for: no progress, no summary for people.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" no-color' -l 'no-color' -d 'No colour in messages (also when NO_COLOR is set, or the output is not a terminal).'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch generate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" port' -l 'port' -d 'The port to listen on; 0 picks a free one.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" inventory' -l 'inventory' -d 'A JSON Lines inventory (.zst or plain) of rows with an optional status.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" seed-from' -l 'seed-from' -d 'Seed the inventory with every version of this manifest.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" extra' -l 'extra' -d 'With --seed-from, this many more versions spread over the manifest\'s packages.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" access-key' -l 'access-key' -d 'The access key id the emulator accepts.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" secret-key' -l 'secret-key' -d 'The secret access key of --access-key; by default the AWS documentation\'s example key.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" region' -l 'region' -d 'The region requests must be signed for.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" account-id' -l 'account-id' -d 'The account that owns domains whose rows name no domainOwner.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator"' -l 'deny-repository' -d 'Answer AccessDeniedException for this repository (repeatable).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" throttle-tps' -l 'throttle-tps' -d 'Write requests a second before ThrottlingException (429 with Retry-After).' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" read-throttle-tps' -l 'read-throttle-tps' -d 'Read requests (list, describe) a second before ThrottlingException, counted apart from writes.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" error-rate' -l 'error-rate' -d 'Share of requests answered 500 before any work.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" lost-response-rate' -l 'lost-response-rate' -d 'Share of writes done whose answer is lost: a 500 or a dropped connection.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" reset-rate' -l 'reset-rate' -d 'Share of requests whose connection is closed with no answer.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" latency-ms' -l 'latency-ms' -d 'Delay every answer by N milliseconds, plus up to JITTER more.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" skip-rate' -l 'skip-rate' -d 'Share of versions answered SKIPPED with nothing done.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" expire-credentials-after' -l 'expire-credentials-after' -d 'After N requests, refuse every request with ExpiredTokenException, as when temporary credentials run out mid-run.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" seed' -l 'seed' -d 'The seed of every fault draw.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" state-out' -l 'state-out' -d 'Write every version\'s final status and delete count here on exit and on SIGUSR1.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" log' -l 'log' -d 'Write one JSON line per request here.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" tls-cert' -l 'tls-cert' -d 'Serve HTTPS with this PEM certificate (chain); needs --tls-key. Clients trust it through AWS_CA_BUNDLE.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" tls-key' -l 'tls-key' -d 'The PEM private key of --tls-cert.' -rfka ''
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" version' -l 'version' -d 'Show the version.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch emulator" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'cabatch' -n '__cabatch_should_offer_completions_for_flags_or_options "cabatch help" version' -l 'version' -d 'Show the version.'
