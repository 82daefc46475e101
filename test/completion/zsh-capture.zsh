# Completes command lines in a real interactive zsh and prints the matches of each.
# Usage: zsh -f zsh-capture.zsh <folder holding _enablex> <result file> <line>...
# Output: for each line, "== <line>" and then its matches, one a line.
# It drives an interactive zsh on a pseudo-terminal (zpty), loads the script with compinit from
# $fpath as users do, types each line and a TAB, and records every match compadd is given.
zmodload zsh/zpty || exit 3
local dir=$1 out=$2
shift 2
: >| $out
zpty -b comp zsh -f -i
zpty -w comp "PS1=''; PROMPT=''; RPROMPT=''; unsetopt beep zle_bracketed_paste"
zpty -w comp "fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
# compadd is wrapped: what it would add (after prefix filtering) goes to the file, then it adds.
zpty -w comp "compadd() {
  if [[ \${@[(I)-[OAD]]} -gt 0 ]]; then builtin compadd \"\$@\"; return; fi
  local -a __hits; builtin compadd -O __hits \"\$@\"
  (( \$#__hits )) && print -rl -- \$__hits >> ${(q)out}
  builtin compadd \"\$@\"
}"
# TAB runs the normal completer, then marks the end of this completion in the file.
zpty -w comp "__capture() { _main_complete; print -r -- '<<done>>' >> ${(q)out} }"
zpty -w comp "zle -C __capture complete-word __capture; bindkey '^I' __capture"
zpty -w comp "zstyle ':completion:*' menu no; zstyle ':completion:*' list-prompt ''"
local line i n=0 failed=0
for line in "$@"; do
  (( n++ ))
  print -r -- "== $line" >> $out
  zpty -w -n comp $'\C-u'"$line"$'\t'
  for i in {1..400}; do
    (( $(grep -c '^<<done>>$' $out) >= n )) && break
    sleep 0.05
  done
  (( i == 400 )) && { print -u2 "zsh did not complete: $line"; failed=1; break; }
done
zpty -d comp
grep -v '^<<done>>$' $out
exit $failed
