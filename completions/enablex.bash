# bash completion for enablex
# Generated from the command tree by `npm run completions`; do not edit by hand.
# Install: enablex completion bash > ~/.local/share/bash-completion/completions/enablex

# Subcommands of a command path ("" is the program).
_enablex_subcommands() {
  case "$1" in
    '') REPLY='room token users archive cdr dialin api profile doctor emulator completion help' ;;
    'room') REPLY='create list get update export apply delete help' ;;
    'archive') REPLY='download help' ;;
    'cdr') REPLY='summary help' ;;
    'profile') REPLY='add list show use remove help' ;;
    'emulator') REPLY='simulate end join faults clock reset status help' ;;
    'emulator clock') REPLY='advance set show help' ;;
    *) REPLY='' ;;
  esac
}

# Flags of a command path: its own, then the global ones.
_enablex_flags() {
  case "$1" in
    '') REPLY='-h --help' ;;
    'room') REPLY='-h --help' ;;
    'room create') REPLY='-i --interactive --dry-run --description --mode --scheduled --scheduled-time --duration --adhoc --moderators --participants --audiences --quality --auto-recording --no-auto-recording --screen-share --no-screen-share --canvas --no-canvas --abwd --no-abwd --facex --no-facex --max-active-talkers --knock --no-knock --wait-for-moderator --no-wait-for-moderator --media-zone --single-file-recording --no-single-file-recording --record-moderator --record-participant --live-recording --no-live-recording --live-recording-url --watermark --no-watermark --sip --no-sip --billing-code --hls-view-url --send-audiences-stats --no-send-audiences-stats --name --owner-ref --data -f --file -h --help' ;;
    'room list') REPLY='--name --owner-ref --mode --type --created-since --sort-by --limit -h --help' ;;
    'room get') REPLY='-h --help' ;;
    'room update') REPLY='--dry-run --description --scheduled-time --duration --moderators --participants --audiences --quality --auto-recording --no-auto-recording --screen-share --no-screen-share --canvas --no-canvas --abwd --no-abwd --facex --no-facex --max-active-talkers --knock --no-knock --wait-for-moderator --no-wait-for-moderator --media-zone --single-file-recording --no-single-file-recording --record-moderator --record-participant --live-recording --no-live-recording --live-recording-url --watermark --no-watermark --sip --no-sip --billing-code --hls-view-url --send-audiences-stats --no-send-audiences-stats --name --owner-ref --data -f --file -h --help' ;;
    'room export') REPLY='--owner-ref --name -h --help' ;;
    'room apply') REPLY='-f --file --dry-run --exit-code --prune --replace --concurrency -h --help' ;;
    'room delete') REPLY='-h --help' ;;
    'room help') REPLY='' ;;
    'token') REPLY='--name --user-ref --role --data --decode -h --help' ;;
    'users') REPLY='-w --watch --interval -h --help' ;;
    'archive') REPLY='--conf --room --from --to --out -h --help' ;;
    'archive download') REPLY='--conf --room --from --to --dir --concurrency --dry-run -h --help' ;;
    'archive help') REPLY='' ;;
    'cdr') REPLY='--out --conf --room --from --to --chunk-days --concurrency -h --help' ;;
    'cdr summary') REPLY='--conf --room --from --to --chunk-days --concurrency -h --help' ;;
    'cdr help') REPLY='' ;;
    'dialin') REPLY='--show-secrets -h --help' ;;
    'api') REPLY='--data --show-secrets -h --help' ;;
    'profile') REPLY='-h --help' ;;
    'profile add') REPLY='--app-id --app-key-stdin --recording-user --recording-password-stdin --default --no-verify -h --help' ;;
    'profile list') REPLY='-h --help' ;;
    'profile show') REPLY='-h --help' ;;
    'profile use') REPLY='-h --help' ;;
    'profile remove') REPLY='-h --help' ;;
    'profile help') REPLY='' ;;
    'doctor') REPLY='-h --help' ;;
    'emulator') REPLY='--host --allow-host --port --state --seed --latency --fail-rate --fail-status --fail-result --retry-after --fail-first --hang-rate --truncate-rate --non-json-rate --non-json-status --reset-rate --fault-match --fault-seed --synthetic-cdr --synthetic-from --synthetic-to -h --help' ;;
    'emulator simulate') REPLY='--users --minutes --live -h --help' ;;
    'emulator end') REPLY='-h --help' ;;
    'emulator join') REPLY='-h --help' ;;
    'emulator faults') REPLY='--clear --latency --fail-rate --fail-status --fail-result --retry-after --fail-first --hang-rate --truncate-rate --non-json-rate --non-json-status --reset-rate --fault-match --fault-seed -h --help' ;;
    'emulator clock') REPLY='-h --help' ;;
    'emulator clock advance') REPLY='-h --help' ;;
    'emulator clock set') REPLY='-h --help' ;;
    'emulator clock show') REPLY='-h --help' ;;
    'emulator clock help') REPLY='' ;;
    'emulator reset') REPLY='--seed -h --help' ;;
    'emulator status') REPLY='-w --watch --interval -h --help' ;;
    'emulator help') REPLY='' ;;
    'completion') REPLY='-h --help' ;;
    'help') REPLY='' ;;
    *) REPLY='' ;;
  esac
  REPLY="$REPLY -V --version --profile --base-url -o --output --json --fields -q --quiet --no-color --verbose --timeout --retries -y --yes --no-input --emulator --insecure --csv-raw"
}

# What a flag takes under a command ("path|flag"): "" (a switch), free, file, dir, choices:...; "?" = optional.
_enablex_value() {
  case "$1|$2" in
    'room create|--description') REPLY='free' ;;
    'room create|--mode') REPLY='choices:group lecture' ;;
    'room create|--scheduled-time') REPLY='free' ;;
    'room create|--duration') REPLY='free' ;;
    'room create|--moderators') REPLY='free' ;;
    'room create|--participants') REPLY='free' ;;
    'room create|--audiences') REPLY='free' ;;
    'room create|--quality') REPLY='choices:HD SD LD' ;;
    'room create|--max-active-talkers') REPLY='free' ;;
    'room create|--media-zone') REPLY='choices:IN SG US XX' ;;
    'room create|--record-moderator') REPLY='choices:audiovideo audio' ;;
    'room create|--record-participant') REPLY='choices:audiovideo audio' ;;
    'room create|--live-recording-url') REPLY='free' ;;
    'room create|--billing-code') REPLY='free' ;;
    'room create|--hls-view-url') REPLY='free' ;;
    'room create|--name') REPLY='free' ;;
    'room create|--owner-ref') REPLY='free' ;;
    'room create|--data') REPLY='free' ;;
    'room create|-f'|'room create|--file') REPLY='file' ;;
    'room list|--name') REPLY='free' ;;
    'room list|--owner-ref') REPLY='free' ;;
    'room list|--mode') REPLY='choices:group lecture' ;;
    'room list|--type') REPLY='choices:permanent scheduled adhoc' ;;
    'room list|--created-since') REPLY='free' ;;
    'room list|--sort-by') REPLY='choices:name created scheduled_time' ;;
    'room list|--limit') REPLY='free' ;;
    'room update|--description') REPLY='free' ;;
    'room update|--scheduled-time') REPLY='free' ;;
    'room update|--duration') REPLY='free' ;;
    'room update|--moderators') REPLY='free' ;;
    'room update|--participants') REPLY='free' ;;
    'room update|--audiences') REPLY='free' ;;
    'room update|--quality') REPLY='choices:HD SD LD' ;;
    'room update|--max-active-talkers') REPLY='free' ;;
    'room update|--media-zone') REPLY='choices:IN SG US XX' ;;
    'room update|--record-moderator') REPLY='choices:audiovideo audio' ;;
    'room update|--record-participant') REPLY='choices:audiovideo audio' ;;
    'room update|--live-recording-url') REPLY='free' ;;
    'room update|--billing-code') REPLY='free' ;;
    'room update|--hls-view-url') REPLY='free' ;;
    'room update|--name') REPLY='free' ;;
    'room update|--owner-ref') REPLY='free' ;;
    'room update|--data') REPLY='free' ;;
    'room update|-f'|'room update|--file') REPLY='file' ;;
    'room export|--owner-ref') REPLY='free' ;;
    'room export|--name') REPLY='free' ;;
    'room apply|-f'|'room apply|--file') REPLY='file' ;;
    'room apply|--concurrency') REPLY='free' ;;
    'token|--name') REPLY='free' ;;
    'token|--user-ref') REPLY='free' ;;
    'token|--role') REPLY='choices:moderator participant viewer audience' ;;
    'token|--data') REPLY='free' ;;
    'users|--interval') REPLY='free' ;;
    'archive|--conf') REPLY='free' ;;
    'archive|--room') REPLY='dynamic:rooms' ;;
    'archive|--from') REPLY='free' ;;
    'archive|--to') REPLY='free' ;;
    'archive|--out') REPLY='file' ;;
    'archive download|--conf') REPLY='free' ;;
    'archive download|--room') REPLY='dynamic:rooms' ;;
    'archive download|--from') REPLY='free' ;;
    'archive download|--to') REPLY='free' ;;
    'archive download|--dir') REPLY='dir' ;;
    'archive download|--concurrency') REPLY='free' ;;
    'cdr|--out') REPLY='file' ;;
    'cdr|--conf') REPLY='free' ;;
    'cdr|--room') REPLY='dynamic:rooms' ;;
    'cdr|--from') REPLY='free' ;;
    'cdr|--to') REPLY='free' ;;
    'cdr|--chunk-days') REPLY='free' ;;
    'cdr|--concurrency') REPLY='free' ;;
    'cdr summary|--conf') REPLY='free' ;;
    'cdr summary|--room') REPLY='dynamic:rooms' ;;
    'cdr summary|--from') REPLY='free' ;;
    'cdr summary|--to') REPLY='free' ;;
    'cdr summary|--chunk-days') REPLY='free' ;;
    'cdr summary|--concurrency') REPLY='free' ;;
    'api|--data') REPLY='free' ;;
    'profile add|--app-id') REPLY='free' ;;
    'profile add|--recording-user') REPLY='free' ;;
    'emulator|--host') REPLY='free' ;;
    'emulator|--allow-host') REPLY='free' ;;
    'emulator|--port') REPLY='free' ;;
    'emulator|--state') REPLY='file' ;;
    'emulator|--seed') REPLY='choices:demo' ;;
    'emulator|--latency') REPLY='free' ;;
    'emulator|--fail-rate') REPLY='free' ;;
    'emulator|--fail-status') REPLY='choices:200 429 500 503' ;;
    'emulator|--fail-result') REPLY='free' ;;
    'emulator|--retry-after') REPLY='free' ;;
    'emulator|--fail-first') REPLY='free' ;;
    'emulator|--hang-rate') REPLY='free' ;;
    'emulator|--truncate-rate') REPLY='free' ;;
    'emulator|--non-json-rate') REPLY='free' ;;
    'emulator|--non-json-status') REPLY='choices:200 502' ;;
    'emulator|--reset-rate') REPLY='free' ;;
    'emulator|--fault-match') REPLY='free' ;;
    'emulator|--fault-seed') REPLY='free' ;;
    'emulator|--synthetic-cdr') REPLY='free' ;;
    'emulator|--synthetic-from') REPLY='free' ;;
    'emulator|--synthetic-to') REPLY='free' ;;
    'emulator simulate|--users') REPLY='free' ;;
    'emulator simulate|--minutes') REPLY='free' ;;
    'emulator faults|--latency') REPLY='free' ;;
    'emulator faults|--fail-rate') REPLY='free' ;;
    'emulator faults|--fail-status') REPLY='choices:200 429 500 503' ;;
    'emulator faults|--fail-result') REPLY='free' ;;
    'emulator faults|--retry-after') REPLY='free' ;;
    'emulator faults|--fail-first') REPLY='free' ;;
    'emulator faults|--hang-rate') REPLY='free' ;;
    'emulator faults|--truncate-rate') REPLY='free' ;;
    'emulator faults|--non-json-rate') REPLY='free' ;;
    'emulator faults|--non-json-status') REPLY='choices:200 502' ;;
    'emulator faults|--reset-rate') REPLY='free' ;;
    'emulator faults|--fault-match') REPLY='free' ;;
    'emulator faults|--fault-seed') REPLY='free' ;;
    'emulator reset|--seed') REPLY='choices:demo' ;;
    'emulator status|--interval') REPLY='free' ;;
    *'|--profile') REPLY='dynamic:profiles' ;;
    *'|--base-url') REPLY='free' ;;
    *'|-o'|*'|--output') REPLY='choices:table json yaml csv ndjson' ;;
    *'|--fields') REPLY='free' ;;
    *'|--timeout') REPLY='free' ;;
    *'|--retries') REPLY='free' ;;
    *) REPLY='' ;;
  esac
}

# Choices of the positional argument at an index ("path|index").
_enablex_arg() {
  case "$1|$2" in
    'room get|0') REPLY='dynamic:rooms' ;;
    'room update|0') REPLY='dynamic:rooms' ;;
    'room delete|0') REPLY='dynamic:rooms' ;;
    'room delete|'*) REPLY='dynamic:rooms' ;;
    'room help|0') REPLY='choices:create list get update export apply delete' ;;
    'token|0') REPLY='dynamic:rooms' ;;
    'users|0') REPLY='dynamic:rooms' ;;
    'archive help|0') REPLY='choices:download' ;;
    'cdr help|0') REPLY='choices:summary' ;;
    'profile show|0') REPLY='dynamic:profiles' ;;
    'profile use|0') REPLY='dynamic:profiles' ;;
    'profile remove|0') REPLY='dynamic:profiles' ;;
    'profile help|0') REPLY='choices:add list show use remove' ;;
    'emulator simulate|0') REPLY='dynamic:rooms' ;;
    'emulator end|0') REPLY='dynamic:rooms' ;;
    'emulator clock help|0') REPLY='choices:advance set show' ;;
    'emulator help|0') REPLY='choices:simulate end join faults clock reset status' ;;
    'completion|0') REPLY='choices:bash zsh fish' ;;
    'help|0') REPLY='choices:room token users archive cdr dialin api profile doctor emulator completion' ;;
    *) REPLY='' ;;
  esac
}

_enablex_dynamic() {
  local prog="${COMP_WORDS[0]}"
  local -a cmd=("$prog" __complete "$1" -- "${COMP_WORDS[@]:0:COMP_CWORD}")
  if command -v timeout >/dev/null 2>&1; then cmd=(timeout 5 "${cmd[@]}"); fi
  "${cmd[@]}" 2>/dev/null </dev/null | cut -f1
}

_enablex() {
  local cur="${COMP_WORDS[COMP_CWORD]}" path='' word want='' kind words i=1 npos=0 endopts=0 REPLY
  while (( i < COMP_CWORD )); do
    word="${COMP_WORDS[i]}"
    if (( ! endopts )) && [[ $word == -?* ]]; then
      if [[ $word == -- ]]; then endopts=1; (( i++ )); continue; fi
      _enablex_value "$path" "$word"
      # "--flag value", or "--flag=value", which bash splits into "--flag" "=" "value".
      if [[ -n $REPLY && ( $REPLY != \?* || ${COMP_WORDS[i+1]} != -* ) ]]; then
        if [[ ${COMP_WORDS[i+1]} == '=' ]]; then
          if (( i + 2 >= COMP_CWORD )); then
            want="$word"
            (( i + 1 == COMP_CWORD )) && cur=''
            break
          fi
          (( i += 2 ))
        else
          if (( i + 1 == COMP_CWORD )); then want="$word"; break; fi
          (( i += 1 ))
        fi
      fi
    else
      _enablex_subcommands "$path"
      if [[ $npos == 0 && " $REPLY " == *" $word "* ]]; then
        path="${path:+$path }$word"
      else
        (( npos++ ))
      fi
    fi
    (( i++ ))
  done
  COMPREPLY=()
  if [[ -n $want ]]; then
    _enablex_value "$path" "$want"
    kind="${REPLY#\?}"
    case "$kind" in
      choices:*) COMPREPLY=($(compgen -W "${kind#choices:}" -- "$cur")) ;;
      dynamic:*) COMPREPLY=($(compgen -W "$(_enablex_dynamic "${kind#dynamic:}")" -- "$cur")) ;;
      file | dir)
        compopt -o filenames 2>/dev/null
        local IFS=$'\n'
        if [[ $kind == dir ]]; then COMPREPLY=($(compgen -d -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
        ;;
    esac
    [[ $REPLY != \?* || $cur != -* ]] && return 0
  fi
  if (( ! endopts )) && [[ $cur == -* ]]; then
    _enablex_flags "$path"
    COMPREPLY=($(compgen -W "$REPLY" -- "$cur"))
    return 0
  fi
  words=''
  if (( npos == 0 )); then _enablex_subcommands "$path"; words="$REPLY"; fi
  _enablex_arg "$path" "$npos"
  [[ $REPLY == choices:* ]] && words="$words ${REPLY#choices:}"
  [[ $REPLY == dynamic:* ]] && words="$words $(_enablex_dynamic "${REPLY#dynamic:}")"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  return 0
}
complete -F _enablex enablex
