#!/bin/sh
# Writes the manual page of PROGRAM with help2man, from its --help and
# --version and each subcommand's --help, so that the page says what the
# program says. Run by the build (CMakeLists.txt), never by hand.
#
#   man_page.sh PROGRAM NAME DESCRIPTION STATIC_INCLUDE OUTPUT
#
# STATIC_INCLUDE holds the sections --help has no room for (ENVIRONMENT,
# FILES, SEE ALSO) in help2man's include format.
set -eu
program=$1 name=$2 description=$3 static=$4 output=$5
include=$output.h2m

# The environment must not change what the page says.
unset INFONOTE_DB XDG_CONFIG_HOME
export LC_ALL=C.UTF-8 HOME=/nonexistent

{
    echo '[COMMANDS]'
    "$program" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }' |
        while read -r command; do
            echo ".SS \"$name $command\""
            echo '.nf'
            # The subcommand's help as it prints it, as literal roff text.
            "$program" "$command" --help | sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"
            echo '.fi'
        done
    cat "$static"
} >"$include"

help2man --no-info --section=1 --name="$description" --include="$include" \
    --output="$output" "$program"
rm -f "$include"
