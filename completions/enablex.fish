# fish completion for enablex
# Generated from the command tree by `npm run completions`; do not edit by hand.
# Install: enablex completion fish > ~/.config/fish/completions/enablex.fish

set -g __enablex_commands 'room' 'room create' 'room list' 'room get' 'room update' 'room export' 'room apply' 'room delete' 'room help' 'token' 'users' 'archive' 'archive download' 'archive help' 'cdr' 'cdr summary' 'cdr help' 'dialin' 'api' 'profile' 'profile add' 'profile list' 'profile show' 'profile use' 'profile remove' 'profile help' 'doctor' 'emulator' 'emulator simulate' 'emulator end' 'emulator join' 'emulator faults' 'emulator clock' 'emulator clock advance' 'emulator clock set' 'emulator clock show' 'emulator clock help' 'emulator reset' 'emulator status' 'emulator help' 'completion' 'help'
set -g __enablex_v_globals '--profile' '--base-url' '-o' '--output' '--fields' '--timeout' '--retries'
set -g __enablex_v_root_room_create '--description' '--mode' '--scheduled-time' '--duration' '--moderators' '--participants' '--audiences' '--quality' '--max-active-talkers' '--media-zone' '--record-moderator' '--record-participant' '--live-recording-url' '--billing-code' '--hls-view-url' '--name' '--owner-ref' '--data' '-f' '--file'
set -g __enablex_v_root_room_list '--name' '--owner-ref' '--mode' '--type' '--created-since' '--sort-by' '--limit'
set -g __enablex_v_root_room_update '--description' '--scheduled-time' '--duration' '--moderators' '--participants' '--audiences' '--quality' '--max-active-talkers' '--media-zone' '--record-moderator' '--record-participant' '--live-recording-url' '--billing-code' '--hls-view-url' '--name' '--owner-ref' '--data' '-f' '--file'
set -g __enablex_v_root_room_export '--owner-ref' '--name'
set -g __enablex_v_root_room_apply '-f' '--file' '--concurrency'
set -g __enablex_v_root_token '--name' '--user-ref' '--role' '--data'
set -g __enablex_v_root_users '--interval'
set -g __enablex_v_root_archive '--conf' '--room' '--from' '--to' '--out'
set -g __enablex_v_root_archive_download '--conf' '--room' '--from' '--to' '--dir' '--concurrency'
set -g __enablex_v_root_cdr '--out' '--conf' '--room' '--from' '--to' '--chunk-days' '--concurrency'
set -g __enablex_v_root_cdr_summary '--conf' '--room' '--from' '--to' '--chunk-days' '--concurrency'
set -g __enablex_v_root_api '--data'
set -g __enablex_v_root_profile_add '--app-id' '--recording-user'
set -g __enablex_v_root_emulator '--host' '--allow-host' '--port' '--state' '--seed' '--latency' '--fail-rate' '--fail-status' '--fail-result' '--retry-after' '--fail-first' '--hang-rate' '--truncate-rate' '--non-json-rate' '--non-json-status' '--reset-rate' '--fault-match' '--fault-seed' '--synthetic-cdr' '--synthetic-from' '--synthetic-to'
set -g __enablex_v_root_emulator_simulate '--users' '--minutes'
set -g __enablex_v_root_emulator_faults '--latency' '--fail-rate' '--fail-status' '--fail-result' '--retry-after' '--fail-first' '--hang-rate' '--truncate-rate' '--non-json-rate' '--non-json-status' '--reset-rate' '--fault-match' '--fault-seed'
set -g __enablex_v_root_emulator_reset '--seed'
set -g __enablex_v_root_emulator_status '--interval'

# Prints the command path on the line so far ("room create"), skipping flags and their values.
function __enablex_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    for tok in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $tok
            case '--*=*'
                continue
            case '-?*'
                set -l var __enablex_v_(string join _ root $path | string replace -a -- - _)
                if contains -- $tok $__enablex_v_globals $$var
                    set skip 1
                end
                continue
        end
        if contains -- (string join ' ' $path $tok) $__enablex_commands
            set -a path $tok
        else
            break
        end
    end
    echo $path
end

# Candidates from the program itself ("value<TAB>description" lines): the words so far go along so
# --profile and --emulator choose the account; stdin closed, errors dropped, at most 5 s.
function __enablex_dynamic
    set -l words (commandline -opc)
    set -l cmd $words[1] __complete $argv[1] -- $words
    if command -q timeout
        set cmd timeout 5 $cmd
    end
    $cmd 2>/dev/null </dev/null
end

# True when the command path on the line is exactly the arguments.
function __enablex_at
    set -l line (commandline -opc)
    if test "$line" != "$__enablex_cached_line"
        set -g __enablex_cached_line $line
        set -g __enablex_cached_path (__enablex_path)
    end
    test "$__enablex_cached_path" = "$argv"
end

complete -c enablex -e
complete -c enablex -f

# Global flags, accepted after any command.
complete -c enablex -s V -l version -d 'print the version'
complete -c enablex -l profile -x -a '(__enablex_dynamic profiles)' -d 'use this saved profile (beats ENABLEX_APP_ID/KEY)'
complete -c enablex -l base-url -x -d 'API base URL (default https://api.enablex.io/video/v2)'
complete -c enablex -s o -l output -x -a 'table json yaml csv ndjson'
complete -c enablex -s o -l output -x -d 'output format'
complete -c enablex -l json -d 'same as -o json'
complete -c enablex -l fields -x -d 'comma-separated fields to show, e.g. room_id,name,settings.mode'
complete -c enablex -s q -l quiet -d 'print only identifiers (room id, token); no notes'
complete -c enablex -l no-color -d 'no colour (also NO_COLOR)'
complete -c enablex -l verbose -d 'log requests and responses on stderr (secrets redacted)'
complete -c enablex -l timeout -x -d 'per-request timeout in seconds'
complete -c enablex -l retries -x -d 'retries for failed idempotent requests'
complete -c enablex -s y -l yes -d 'answer yes to confirmations (needed for delete without a terminal)'
complete -c enablex -l no-input -d 'never prompt (also when CI is set or stdin is not a terminal)'
complete -c enablex -l emulator -d 'run against the bundled emulator, no account needed (also ENABLEX_EMULATOR=1)'
complete -c enablex -l insecure -d 'allow a plain http:// base URL that is not loopback'
complete -c enablex -l csv-raw -d 'CSV cells exactly as received: no \' before cells a spreadsheet would run as formulas'

# enablex
complete -c enablex -n '__enablex_at' -a 'room' -d 'create, list, inspect, update and delete rooms'
complete -c enablex -n '__enablex_at' -a 'token' -d 'create a token for one user to join a room (single use, valid 15 minutes)'
complete -c enablex -n '__enablex_at' -a 'users' -d 'list the users connected to a room (empty when no session is in progress)'
complete -c enablex -n '__enablex_at' -a 'archive' -d 'list session archives: recordings, transcoded video, chat and metadata files'
complete -c enablex -n '__enablex_at' -a 'cdr' -d 'export call detail records (CSV, NDJSON, JSON, YAML, table) for billing'
complete -c enablex -n '__enablex_at' -a 'dialin' -d 'show the dial-in phone numbers and SIP settings (secrets hidden unless --show-secrets)'
complete -c enablex -n '__enablex_at' -a 'api' -d 'send one authenticated request to a path under the base URL and print the answer (JSON)'
complete -c enablex -n '__enablex_at' -a 'profile' -d 'save and choose credentials (app id, app key, base URL)'
complete -c enablex -n '__enablex_at' -a 'doctor' -d 'check config, credentials, base URL, proxy, API access and clock skew'
complete -c enablex -n '__enablex_at' -a 'emulator' -d 'run the bundled EnableX-compatible server (API under /video/v2) for local work and tests; stops on Ctrl-C'
complete -c enablex -n '__enablex_at' -a 'completion' -d 'print the shell completion script for bash, zsh or fish'
complete -c enablex -n '__enablex_at' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at' -s h -l help -d 'show help for a command'

# enablex room
complete -c enablex -n '__enablex_at room' -a 'create' -d 'create a room (permanent, scheduled or adhoc)'
complete -c enablex -n '__enablex_at room' -a 'list' -d 'list rooms (filters, order and limit apply on the client)'
complete -c enablex -n '__enablex_at room' -a 'get' -d 'show one room'
complete -c enablex -n '__enablex_at room' -a 'update' -d 'change a room: only the given settings change (mode, scheduled and adhoc cannot)'
complete -c enablex -n '__enablex_at room' -a 'export' -d 'write live rooms as a rooms file for `room apply` (YAML; JSON with -o json)'
complete -c enablex -n '__enablex_at room' -a 'apply' -d 'make the live rooms match a rooms file: create, update, and with flags re-create or delete'
complete -c enablex -n '__enablex_at room' -a 'delete' -d 'delete rooms (asks first on a terminal; needs --yes otherwise)'
complete -c enablex -n '__enablex_at room' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at room' -s h -l help -d 'show help for a command'

# enablex room create
complete -c enablex -n '__enablex_at room create' -s i -l interactive -d 'walk through the room settings in a wizard'
complete -c enablex -n '__enablex_at room create' -l dry-run -d 'print the request that would be sent, send nothing'
complete -c enablex -n '__enablex_at room create' -l description -x -d 'descriptive text'
complete -c enablex -n '__enablex_at room create' -l mode -x -a 'group lecture'
complete -c enablex -n '__enablex_at room create' -l mode -x -d 'group (everyone talks) or lecture (moderators talk); API default group'
complete -c enablex -n '__enablex_at room create' -l scheduled -d 'a scheduled room (needs --scheduled-time and --duration)'
complete -c enablex -n '__enablex_at room create' -l scheduled-time -x -d 'start, "YYYY-MM-DD HH:MM:SS" (UTC) or ISO 8601 with offset; sent as UTC'
complete -c enablex -n '__enablex_at room create' -l duration -x -d 'session length in minutes, at least 10 (required for scheduled rooms)'
complete -c enablex -n '__enablex_at room create' -l adhoc -d 'an adhoc room: deleted after its first session unless it has a --duration'
complete -c enablex -n '__enablex_at room create' -l moderators -x -d 'moderators allowed'
complete -c enablex -n '__enablex_at room create' -l participants -x -d 'participants allowed (scheduled 1-300, scheduled lecture 1-1000, others 1-200)'
complete -c enablex -n '__enablex_at room create' -l audiences -x -d 'HLS audiences allowed (needs the HLS subscription)'
complete -c enablex -n '__enablex_at room create' -l quality -x -a 'HD SD LD'
complete -c enablex -n '__enablex_at room create' -l quality -x -d 'video quality; default from the subscription'
complete -c enablex -n '__enablex_at room create' -l auto-recording -d 'record sessions automatically'
complete -c enablex -n '__enablex_at room create' -l no-auto-recording -d 'turn auto-recording off'
complete -c enablex -n '__enablex_at room create' -l screen-share -d 'allow screen sharing (API default on)'
complete -c enablex -n '__enablex_at room create' -l no-screen-share -d 'turn screen-share off'
complete -c enablex -n '__enablex_at room create' -l canvas -d 'allow canvas streaming'
complete -c enablex -n '__enablex_at room create' -l no-canvas -d 'turn canvas off'
complete -c enablex -n '__enablex_at room create' -l abwd -d 'automatic bandwidth detection'
complete -c enablex -n '__enablex_at room create' -l no-abwd -d 'turn abwd off'
complete -c enablex -n '__enablex_at room create' -l facex -d 'Face AI (facial expression analysis)'
complete -c enablex -n '__enablex_at room create' -l no-facex -d 'turn facex off'
complete -c enablex -n '__enablex_at room create' -l max-active-talkers -x -d 'active talker streams, 1-16 (API default 16)'
complete -c enablex -n '__enablex_at room create' -l knock -d 'moderated entry: a moderator admits each participant'
complete -c enablex -n '__enablex_at room create' -l no-knock -d 'turn knock off'
complete -c enablex -n '__enablex_at room create' -l wait-for-moderator -d 'participants wait until a moderator joins'
complete -c enablex -n '__enablex_at room create' -l no-wait-for-moderator -d 'turn wait-for-moderator off'
complete -c enablex -n '__enablex_at room create' -l media-zone -x -a 'IN SG US XX'
complete -c enablex -n '__enablex_at room create' -l media-zone -x -d 'media zone: IN, SG, US, or XX (automatic)'
complete -c enablex -n '__enablex_at room create' -l single-file-recording -d 'live transcoding for two-party rooms'
complete -c enablex -n '__enablex_at room create' -l no-single-file-recording -d 'turn single-file-recording off'
complete -c enablex -n '__enablex_at room create' -l record-moderator -x -a 'audiovideo audio'
complete -c enablex -n '__enablex_at room create' -l record-moderator -x -d 'what is recorded of moderators'
complete -c enablex -n '__enablex_at room create' -l record-participant -x -a 'audiovideo audio'
complete -c enablex -n '__enablex_at room create' -l record-participant -x -d 'what is recorded of participants'
complete -c enablex -n '__enablex_at room create' -l live-recording -d 'live recording instead of legacy recording'
complete -c enablex -n '__enablex_at room create' -l no-live-recording -d 'turn live-recording off'
complete -c enablex -n '__enablex_at room create' -l live-recording-url -x -d 'custom view URL for live recording'
complete -c enablex -n '__enablex_at room create' -l watermark -d 'watermark recording files'
complete -c enablex -n '__enablex_at room create' -l no-watermark -d 'turn watermark off'
complete -c enablex -n '__enablex_at room create' -l sip -d 'enable PSTN/SIP dial-in'
complete -c enablex -n '__enablex_at room create' -l no-sip -d 'turn sip off'
complete -c enablex -n '__enablex_at room create' -l billing-code -x -d 'billing code for reports'
complete -c enablex -n '__enablex_at room create' -l hls-view-url -x -d 'custom HLS view URL, or DEFAULT'
complete -c enablex -n '__enablex_at room create' -l send-audiences-stats -d 'send audience join/leave events'
complete -c enablex -n '__enablex_at room create' -l no-send-audiences-stats -d 'turn send-audiences-stats off'
complete -c enablex -n '__enablex_at room create' -l name -x -d 'room name'
complete -c enablex -n '__enablex_at room create' -l owner-ref -x -d 'your reference for the owner, shown in reports'
complete -c enablex -n '__enablex_at room create' -l data -x -d 'custom room data (repeatable)'
complete -c enablex -n '__enablex_at room create' -s f -l file -r -F -d 'a JSON or YAML room body ("-" for stdin); flags override it'
complete -c enablex -n '__enablex_at room create' -s h -l help -d 'show help for a command'

# enablex room list
complete -c enablex -n '__enablex_at room list' -l name -x -d 'only rooms whose name contains this text (any case)'
complete -c enablex -n '__enablex_at room list' -l owner-ref -x -d 'only rooms with this owner reference'
complete -c enablex -n '__enablex_at room list' -l mode -x -a 'group lecture'
complete -c enablex -n '__enablex_at room list' -l mode -x -d 'only group or lecture rooms'
complete -c enablex -n '__enablex_at room list' -l type -x -a 'permanent scheduled adhoc'
complete -c enablex -n '__enablex_at room list' -l type -x -d 'only rooms of this type'
complete -c enablex -n '__enablex_at room list' -l created-since -x -d 'only rooms created since: YYYY-MM-DD, today, yesterday, Nd (UTC), or a time with its zone'
complete -c enablex -n '__enablex_at room list' -l sort-by -x -a 'name created scheduled_time'
complete -c enablex -n '__enablex_at room list' -l sort-by -x -d 'order by this field (rooms without it last)'
complete -c enablex -n '__enablex_at room list' -l limit -x -d 'at most n rooms, after the filters and the order'
complete -c enablex -n '__enablex_at room list' -s h -l help -d 'show help for a command'

# enablex room get
complete -c enablex -n '__enablex_at room get' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at room get' -s h -l help -d 'show help for a command'

# enablex room update
complete -c enablex -n '__enablex_at room update' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at room update' -l dry-run -d 'print the request that would be sent, send nothing'
complete -c enablex -n '__enablex_at room update' -l description -x -d 'descriptive text'
complete -c enablex -n '__enablex_at room update' -l scheduled-time -x -d 'start, "YYYY-MM-DD HH:MM:SS" (UTC) or ISO 8601 with offset; sent as UTC'
complete -c enablex -n '__enablex_at room update' -l duration -x -d 'session length in minutes, at least 10 (required for scheduled rooms)'
complete -c enablex -n '__enablex_at room update' -l moderators -x -d 'moderators allowed'
complete -c enablex -n '__enablex_at room update' -l participants -x -d 'participants allowed (scheduled 1-300, scheduled lecture 1-1000, others 1-200)'
complete -c enablex -n '__enablex_at room update' -l audiences -x -d 'HLS audiences allowed (needs the HLS subscription)'
complete -c enablex -n '__enablex_at room update' -l quality -x -a 'HD SD LD'
complete -c enablex -n '__enablex_at room update' -l quality -x -d 'video quality; default from the subscription'
complete -c enablex -n '__enablex_at room update' -l auto-recording -d 'record sessions automatically'
complete -c enablex -n '__enablex_at room update' -l no-auto-recording -d 'turn auto-recording off'
complete -c enablex -n '__enablex_at room update' -l screen-share -d 'allow screen sharing (API default on)'
complete -c enablex -n '__enablex_at room update' -l no-screen-share -d 'turn screen-share off'
complete -c enablex -n '__enablex_at room update' -l canvas -d 'allow canvas streaming'
complete -c enablex -n '__enablex_at room update' -l no-canvas -d 'turn canvas off'
complete -c enablex -n '__enablex_at room update' -l abwd -d 'automatic bandwidth detection'
complete -c enablex -n '__enablex_at room update' -l no-abwd -d 'turn abwd off'
complete -c enablex -n '__enablex_at room update' -l facex -d 'Face AI (facial expression analysis)'
complete -c enablex -n '__enablex_at room update' -l no-facex -d 'turn facex off'
complete -c enablex -n '__enablex_at room update' -l max-active-talkers -x -d 'active talker streams, 1-16 (API default 16)'
complete -c enablex -n '__enablex_at room update' -l knock -d 'moderated entry: a moderator admits each participant'
complete -c enablex -n '__enablex_at room update' -l no-knock -d 'turn knock off'
complete -c enablex -n '__enablex_at room update' -l wait-for-moderator -d 'participants wait until a moderator joins'
complete -c enablex -n '__enablex_at room update' -l no-wait-for-moderator -d 'turn wait-for-moderator off'
complete -c enablex -n '__enablex_at room update' -l media-zone -x -a 'IN SG US XX'
complete -c enablex -n '__enablex_at room update' -l media-zone -x -d 'media zone: IN, SG, US, or XX (automatic)'
complete -c enablex -n '__enablex_at room update' -l single-file-recording -d 'live transcoding for two-party rooms'
complete -c enablex -n '__enablex_at room update' -l no-single-file-recording -d 'turn single-file-recording off'
complete -c enablex -n '__enablex_at room update' -l record-moderator -x -a 'audiovideo audio'
complete -c enablex -n '__enablex_at room update' -l record-moderator -x -d 'what is recorded of moderators'
complete -c enablex -n '__enablex_at room update' -l record-participant -x -a 'audiovideo audio'
complete -c enablex -n '__enablex_at room update' -l record-participant -x -d 'what is recorded of participants'
complete -c enablex -n '__enablex_at room update' -l live-recording -d 'live recording instead of legacy recording'
complete -c enablex -n '__enablex_at room update' -l no-live-recording -d 'turn live-recording off'
complete -c enablex -n '__enablex_at room update' -l live-recording-url -x -d 'custom view URL for live recording'
complete -c enablex -n '__enablex_at room update' -l watermark -d 'watermark recording files'
complete -c enablex -n '__enablex_at room update' -l no-watermark -d 'turn watermark off'
complete -c enablex -n '__enablex_at room update' -l sip -d 'enable PSTN/SIP dial-in'
complete -c enablex -n '__enablex_at room update' -l no-sip -d 'turn sip off'
complete -c enablex -n '__enablex_at room update' -l billing-code -x -d 'billing code for reports'
complete -c enablex -n '__enablex_at room update' -l hls-view-url -x -d 'custom HLS view URL, or DEFAULT'
complete -c enablex -n '__enablex_at room update' -l send-audiences-stats -d 'send audience join/leave events'
complete -c enablex -n '__enablex_at room update' -l no-send-audiences-stats -d 'turn send-audiences-stats off'
complete -c enablex -n '__enablex_at room update' -l name -x -d 'room name'
complete -c enablex -n '__enablex_at room update' -l owner-ref -x -d 'your reference for the owner, shown in reports'
complete -c enablex -n '__enablex_at room update' -l data -x -d 'custom room data (repeatable)'
complete -c enablex -n '__enablex_at room update' -s f -l file -r -F -d 'a JSON or YAML room body ("-" for stdin); flags override it'
complete -c enablex -n '__enablex_at room update' -s h -l help -d 'show help for a command'

# enablex room export
complete -c enablex -n '__enablex_at room export' -l owner-ref -x -d 'only rooms with this owner reference'
complete -c enablex -n '__enablex_at room export' -l name -x -d 'only rooms whose name contains this text (any case)'
complete -c enablex -n '__enablex_at room export' -s h -l help -d 'show help for a command'

# enablex room apply
complete -c enablex -n '__enablex_at room apply' -s f -l file -r -F -d 'the rooms file, YAML or JSON ("-" for stdin)'
complete -c enablex -n '__enablex_at room apply' -l dry-run -d 'print the plan, change nothing'
complete -c enablex -n '__enablex_at room apply' -l exit-code -d 'with --dry-run: exit 8 when changes are pending, 0 when none'
complete -c enablex -n '__enablex_at room apply' -l prune -d 'delete live rooms of the file\'s owner_refs that the file does not list'
complete -c enablex -n '__enablex_at room apply' -l replace -d 'delete and re-create rooms whose mode, scheduled or adhoc differ (new ids)'
complete -c enablex -n '__enablex_at room apply' -l concurrency -x -d 'requests at a time (1-32)'
complete -c enablex -n '__enablex_at room apply' -s h -l help -d 'show help for a command'

# enablex room delete
complete -c enablex -n '__enablex_at room delete' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at room delete' -s h -l help -d 'show help for a command'

# enablex room help
complete -c enablex -n '__enablex_at room help' -a 'create list get update export apply delete'

# enablex token
complete -c enablex -n '__enablex_at token' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at token' -l name -x -d 'name of the user who joins'
complete -c enablex -n '__enablex_at token' -l user-ref -x -d 'your reference for the user, shown in reports'
complete -c enablex -n '__enablex_at token' -l role -x -a 'moderator participant viewer audience'
complete -c enablex -n '__enablex_at token' -l role -x -d 'role in the session (audience only for HLS rooms)'
complete -c enablex -n '__enablex_at token' -l data -x -d 'custom user data, at most 5 keys (repeatable)'
complete -c enablex -n '__enablex_at token' -l decode -d 'also show the token\'s readable contents (a view, not a verification)'
complete -c enablex -n '__enablex_at token' -s h -l help -d 'show help for a command'

# enablex users
complete -c enablex -n '__enablex_at users' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at users' -s w -l watch -d 'keep watching who joins and leaves: a table redrawn in place on a terminal, one NDJSON line per change otherwise; Ctrl-C stops (exit 0)'
complete -c enablex -n '__enablex_at users' -l interval -x -d 'seconds between refreshes with --watch (default 2, at least 1)'
complete -c enablex -n '__enablex_at users' -s h -l help -d 'show help for a command'

# enablex archive
complete -c enablex -n '__enablex_at archive' -a 'download' -d 'fetch the archive files (recording credentials needed); re-runs skip complete files and resume partial ones'
complete -c enablex -n '__enablex_at archive' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at archive' -l conf -x -d 'one session: its conference number'
complete -c enablex -n '__enablex_at archive' -l room -x -a '(__enablex_dynamic rooms)' -d 'one room, by id or name (alone: all its records; with --from/--to: that period)'
complete -c enablex -n '__enablex_at archive' -l from -x -d 'first day, UTC: YYYY-MM-DD, today, yesterday or Nd (N days ago)'
complete -c enablex -n '__enablex_at archive' -l to -x -d 'last day, UTC, included (same forms as --from)'
complete -c enablex -n '__enablex_at archive' -l out -r -F -d 'write the list to this file (atomically) instead of stdout; format from -o, else the extension, else JSON'
complete -c enablex -n '__enablex_at archive' -s h -l help -d 'show help for a command'

# enablex archive download
complete -c enablex -n '__enablex_at archive download' -l conf -x -d 'one session: its conference number'
complete -c enablex -n '__enablex_at archive download' -l room -x -a '(__enablex_dynamic rooms)' -d 'one room, by id or name (alone: all its records; with --from/--to: that period)'
complete -c enablex -n '__enablex_at archive download' -l from -x -d 'first day, UTC: YYYY-MM-DD, today, yesterday or Nd (N days ago)'
complete -c enablex -n '__enablex_at archive download' -l to -x -d 'last day, UTC, included (same forms as --from)'
complete -c enablex -n '__enablex_at archive download' -l dir -x -a '(__fish_complete_directories (commandline -ct))' -d 'folder to save into (created if missing)'
complete -c enablex -n '__enablex_at archive download' -l concurrency -x -d 'files fetched at the same time (1-16)'
complete -c enablex -n '__enablex_at archive download' -l dry-run -d 'list what would be fetched (and what is already complete); fetch nothing'
complete -c enablex -n '__enablex_at archive download' -s h -l help -d 'show help for a command'

# enablex archive help
complete -c enablex -n '__enablex_at archive help' -a 'download'

# enablex cdr
complete -c enablex -n '__enablex_at cdr' -a 'summary' -d 'connected minutes by room, user and day, and the call-quality split'
complete -c enablex -n '__enablex_at cdr' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at cdr' -l out -r -F -d 'write to this file, atomically (format from -o, else its extension)'
complete -c enablex -n '__enablex_at cdr' -l conf -x -d 'one session: its conference number'
complete -c enablex -n '__enablex_at cdr' -l room -x -a '(__enablex_dynamic rooms)' -d 'one room, by id or name (alone: all its records; with --from/--to: that period)'
complete -c enablex -n '__enablex_at cdr' -l from -x -d 'first day, UTC: YYYY-MM-DD, today, yesterday or Nd (N days ago)'
complete -c enablex -n '__enablex_at cdr' -l to -x -d 'last day, UTC, included (same forms as --from)'
complete -c enablex -n '__enablex_at cdr' -l chunk-days -x -d 'split the period into requests of n days (default 1)'
complete -c enablex -n '__enablex_at cdr' -l concurrency -x -d 'chunk requests in flight at once, 1-10 (default 3)'
complete -c enablex -n '__enablex_at cdr' -s h -l help -d 'show help for a command'

# enablex cdr summary
complete -c enablex -n '__enablex_at cdr summary' -l conf -x -d 'one session: its conference number'
complete -c enablex -n '__enablex_at cdr summary' -l room -x -a '(__enablex_dynamic rooms)' -d 'one room, by id or name (alone: all its records; with --from/--to: that period)'
complete -c enablex -n '__enablex_at cdr summary' -l from -x -d 'first day, UTC: YYYY-MM-DD, today, yesterday or Nd (N days ago)'
complete -c enablex -n '__enablex_at cdr summary' -l to -x -d 'last day, UTC, included (same forms as --from)'
complete -c enablex -n '__enablex_at cdr summary' -l chunk-days -x -d 'split the period into requests of n days (default 1)'
complete -c enablex -n '__enablex_at cdr summary' -l concurrency -x -d 'chunk requests in flight at once, 1-10 (default 3)'
complete -c enablex -n '__enablex_at cdr summary' -s h -l help -d 'show help for a command'

# enablex cdr help
complete -c enablex -n '__enablex_at cdr help' -a 'summary'

# enablex dialin
complete -c enablex -n '__enablex_at dialin' -l show-secrets -d 'show app_key and the SIP password instead of hiding them'
complete -c enablex -n '__enablex_at dialin' -s h -l help -d 'show help for a command'

# enablex api
complete -c enablex -n '__enablex_at api' -l data -x -d 'JSON body: inline, @file, or @- for standard input'
complete -c enablex -n '__enablex_at api' -l show-secrets -d 'show app_key and password values instead of hiding them'
complete -c enablex -n '__enablex_at api' -s h -l help -d 'show help for a command'

# enablex profile
complete -c enablex -n '__enablex_at profile' -a 'add' -d 'check and save a profile; the app key comes from a masked prompt, stdin or ENABLEX_APP_KEY, never a flag'
complete -c enablex -n '__enablex_at profile' -a 'list' -d 'list profiles (secrets are never shown)'
complete -c enablex -n '__enablex_at profile' -a 'show' -d 'show one profile (the default when no name is given); secrets show as "set"'
complete -c enablex -n '__enablex_at profile' -a 'use' -d 'make a profile the default'
complete -c enablex -n '__enablex_at profile' -a 'remove' -d 'delete a saved profile and its secrets'
complete -c enablex -n '__enablex_at profile' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at profile' -s h -l help -d 'show help for a command'

# enablex profile add
complete -c enablex -n '__enablex_at profile add' -l app-id -x -d 'the application id (APP_ID)'
complete -c enablex -n '__enablex_at profile add' -l app-key-stdin -d 'read the app key from standard input'
complete -c enablex -n '__enablex_at profile add' -l recording-user -x -d 'user name for recording files (set in the EnableX portal)'
complete -c enablex -n '__enablex_at profile add' -l recording-password-stdin -d 'read the recording password from standard input'
complete -c enablex -n '__enablex_at profile add' -l default -d 'make it the default profile'
complete -c enablex -n '__enablex_at profile add' -l no-verify -d 'save without checking the credentials (one GET /rooms) first'
complete -c enablex -n '__enablex_at profile add' -s h -l help -d 'show help for a command'

# enablex profile list
complete -c enablex -n '__enablex_at profile list' -s h -l help -d 'show help for a command'

# enablex profile show
complete -c enablex -n '__enablex_at profile show' -a '(__enablex_dynamic profiles)'
complete -c enablex -n '__enablex_at profile show' -s h -l help -d 'show help for a command'

# enablex profile use
complete -c enablex -n '__enablex_at profile use' -a '(__enablex_dynamic profiles)'
complete -c enablex -n '__enablex_at profile use' -s h -l help -d 'show help for a command'

# enablex profile remove
complete -c enablex -n '__enablex_at profile remove' -a '(__enablex_dynamic profiles)'
complete -c enablex -n '__enablex_at profile remove' -s h -l help -d 'show help for a command'

# enablex profile help
complete -c enablex -n '__enablex_at profile help' -a 'add list show use remove'

# enablex doctor
complete -c enablex -n '__enablex_at doctor' -s h -l help -d 'show help for a command'

# enablex emulator
complete -c enablex -n '__enablex_at emulator' -a 'simulate' -d 'record a finished session in a room (CDR and archive), or start a live one with --live'
complete -c enablex -n '__enablex_at emulator' -a 'end' -d 'end a room\'s live session now and write its CDR and archive'
complete -c enablex -n '__enablex_at emulator' -a 'join' -d 'use a token as a client would: single use, within its 15 minutes'
complete -c enablex -n '__enablex_at emulator' -a 'faults' -d 'show, replace (with the flags given) or clear a running emulator\'s injected faults'
complete -c enablex -n '__enablex_at emulator' -a 'clock' -d 'move, set or show a running emulator\'s clock (tokens expire, rooms open, sessions end)'
complete -c enablex -n '__enablex_at emulator' -a 'reset' -d 'empty a running emulator (rooms, tokens, sessions, CDR, archive; its --state file too) and reset its clock'
complete -c enablex -n '__enablex_at emulator' -a 'status' -d 'show a running emulator\'s clock, counts, live sessions and faults'
complete -c enablex -n '__enablex_at emulator' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at emulator' -l host -x -d 'address to listen on (0.0.0.0: every interface, with a warning)'
complete -c enablex -n '__enablex_at emulator' -l allow-host -x -d 'also answer requests whose Host header is <name> (repeatable; "*" for any): others are refused'
complete -c enablex -n '__enablex_at emulator' -l port -x -d 'port to listen on (0 picks a free one)'
complete -c enablex -n '__enablex_at emulator' -l state -r -F -d 'keep rooms, sessions, CDR and archive in this JSON file (default: memory)'
complete -c enablex -n '__enablex_at emulator' -l seed -x -a 'demo'
complete -c enablex -n '__enablex_at emulator' -l seed -x -d 'fill a new, empty state with demo rooms and a month of sessions'
complete -c enablex -n '__enablex_at emulator' -l latency -x -d 'add this delay to every API answer'
complete -c enablex -n '__enablex_at emulator' -l fail-rate -x -d 'share of API requests (0-1) answered with --fail-status'
complete -c enablex -n '__enablex_at emulator' -l fail-status -x -a '200 429 500 503'
complete -c enablex -n '__enablex_at emulator' -l fail-status -x -d 'status of injected failures (default 503; 200 with --fail-result)'
complete -c enablex -n '__enablex_at emulator' -l fail-result -x -d 'injected failures answer this API result code, e.g. 50001 (the real "Failed to create Room" on HTTP 200)'
complete -c enablex -n '__enablex_at emulator' -l retry-after -x -d 'Retry-After sent with 429 and 503 failures (default 1)'
complete -c enablex -n '__enablex_at emulator' -l fail-first -x -d 'fail the next <n> API requests for sure, then apply the rates'
complete -c enablex -n '__enablex_at emulator' -l hang-rate -x -d 'share of requests never answered'
complete -c enablex -n '__enablex_at emulator' -l truncate-rate -x -d 'share of answers cut off halfway, then the connection closes'
complete -c enablex -n '__enablex_at emulator' -l non-json-rate -x -d 'share of answers that are an HTML error page'
complete -c enablex -n '__enablex_at emulator' -l non-json-status -x -a '200 502'
complete -c enablex -n '__enablex_at emulator' -l non-json-status -x -d 'status of that HTML page (default 502)'
complete -c enablex -n '__enablex_at emulator' -l reset-rate -x -d 'share of connections reset without an answer'
complete -c enablex -n '__enablex_at emulator' -l fault-match -x -d 'only requests whose "METHOD /path" contains this text get faults; API paths as you write them ("GET /rooms")'
complete -c enablex -n '__enablex_at emulator' -l fault-seed -x -d 'seed of the fault dice (default 1): same seed, same faults'
complete -c enablex -n '__enablex_at emulator' -l synthetic-cdr -x -d 'also serve <count> generated CDR records (benchmarks; never stored)'
complete -c enablex -n '__enablex_at emulator' -l synthetic-from -x -d 'start of the synthetic CDR period (default: 30 days ago)'
complete -c enablex -n '__enablex_at emulator' -l synthetic-to -x -d 'end of the synthetic CDR period (default: now)'
complete -c enablex -n '__enablex_at emulator' -s h -l help -d 'show help for a command'

# enablex emulator simulate
complete -c enablex -n '__enablex_at emulator simulate' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at emulator simulate' -l users -x -d 'how many people take part'
complete -c enablex -n '__enablex_at emulator simulate' -l minutes -x -d 'how long the session lasts (a live one ends by itself after that)'
complete -c enablex -n '__enablex_at emulator simulate' -l live -d 'start a session in progress instead (see `enablex users`; end it with `emulator end`)'
complete -c enablex -n '__enablex_at emulator simulate' -s h -l help -d 'show help for a command'

# enablex emulator end
complete -c enablex -n '__enablex_at emulator end' -a '(__enablex_dynamic rooms)'
complete -c enablex -n '__enablex_at emulator end' -s h -l help -d 'show help for a command'

# enablex emulator join
complete -c enablex -n '__enablex_at emulator join' -s h -l help -d 'show help for a command'

# enablex emulator faults
complete -c enablex -n '__enablex_at emulator faults' -l clear -d 'remove every fault'
complete -c enablex -n '__enablex_at emulator faults' -l latency -x -d 'add this delay to every API answer'
complete -c enablex -n '__enablex_at emulator faults' -l fail-rate -x -d 'share of API requests (0-1) answered with --fail-status'
complete -c enablex -n '__enablex_at emulator faults' -l fail-status -x -a '200 429 500 503'
complete -c enablex -n '__enablex_at emulator faults' -l fail-status -x -d 'status of injected failures (default 503; 200 with --fail-result)'
complete -c enablex -n '__enablex_at emulator faults' -l fail-result -x -d 'injected failures answer this API result code, e.g. 50001 (the real "Failed to create Room" on HTTP 200)'
complete -c enablex -n '__enablex_at emulator faults' -l retry-after -x -d 'Retry-After sent with 429 and 503 failures (default 1)'
complete -c enablex -n '__enablex_at emulator faults' -l fail-first -x -d 'fail the next <n> API requests for sure, then apply the rates'
complete -c enablex -n '__enablex_at emulator faults' -l hang-rate -x -d 'share of requests never answered'
complete -c enablex -n '__enablex_at emulator faults' -l truncate-rate -x -d 'share of answers cut off halfway, then the connection closes'
complete -c enablex -n '__enablex_at emulator faults' -l non-json-rate -x -d 'share of answers that are an HTML error page'
complete -c enablex -n '__enablex_at emulator faults' -l non-json-status -x -a '200 502'
complete -c enablex -n '__enablex_at emulator faults' -l non-json-status -x -d 'status of that HTML page (default 502)'
complete -c enablex -n '__enablex_at emulator faults' -l reset-rate -x -d 'share of connections reset without an answer'
complete -c enablex -n '__enablex_at emulator faults' -l fault-match -x -d 'only requests whose "METHOD /path" contains this text get faults; API paths as you write them ("GET /rooms")'
complete -c enablex -n '__enablex_at emulator faults' -l fault-seed -x -d 'seed of the fault dice (default 1): same seed, same faults'
complete -c enablex -n '__enablex_at emulator faults' -s h -l help -d 'show help for a command'

# enablex emulator clock
complete -c enablex -n '__enablex_at emulator clock' -a 'advance' -d 'move the emulator clock by <minutes> (negative goes back; at most 10 years a call)'
complete -c enablex -n '__enablex_at emulator clock' -a 'set' -d 'set the emulator clock to <time> (ISO 8601 with Z or an offset)'
complete -c enablex -n '__enablex_at emulator clock' -a 'show' -d 'show the emulator\'s now and its offset from the real clock (ms)'
complete -c enablex -n '__enablex_at emulator clock' -a 'help' -d 'display help for command'
complete -c enablex -n '__enablex_at emulator clock' -s h -l help -d 'show help for a command'

# enablex emulator clock advance
complete -c enablex -n '__enablex_at emulator clock advance' -s h -l help -d 'show help for a command'

# enablex emulator clock set
complete -c enablex -n '__enablex_at emulator clock set' -s h -l help -d 'show help for a command'

# enablex emulator clock show
complete -c enablex -n '__enablex_at emulator clock show' -s h -l help -d 'show help for a command'

# enablex emulator clock help
complete -c enablex -n '__enablex_at emulator clock help' -a 'advance set show'

# enablex emulator reset
complete -c enablex -n '__enablex_at emulator reset' -l seed -x -a 'demo'
complete -c enablex -n '__enablex_at emulator reset' -l seed -x -d 'refill it with the demo rooms and sessions'
complete -c enablex -n '__enablex_at emulator reset' -s h -l help -d 'show help for a command'

# enablex emulator status
complete -c enablex -n '__enablex_at emulator status' -s w -l watch -d 'keep watching the status: a table redrawn in place on a terminal, one NDJSON line per change otherwise; Ctrl-C stops (exit 0)'
complete -c enablex -n '__enablex_at emulator status' -l interval -x -d 'seconds between refreshes with --watch (default 2, at least 1)'
complete -c enablex -n '__enablex_at emulator status' -s h -l help -d 'show help for a command'

# enablex emulator help
complete -c enablex -n '__enablex_at emulator help' -a 'simulate end join faults clock reset status'

# enablex completion
complete -c enablex -n '__enablex_at completion' -a 'bash zsh fish'
complete -c enablex -n '__enablex_at completion' -s h -l help -d 'show help for a command'

# enablex help
complete -c enablex -n '__enablex_at help' -a 'room token users archive cdr dialin api profile doctor emulator completion'
