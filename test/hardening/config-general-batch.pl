#!/usr/bin/env perl
# Reads many hydra.conf files in one Perl run, the way Hydra reads one (same Config::General
# options), so a property run costs one process; prints a JSON list, one reading per file.
# Each reading: {"config": <hash or null>, "warnings": [...], "error": <message or null>}.
use strict;
use warnings;
use Config::General;
use JSON::PP;

my @readings;
for my $path (@ARGV) {
    # A broken file must not hide the verdict on the others, so each one is read on its own.
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, join('', @_) };
    my %config;
    my $ok = eval {
        %config = Config::General->new(
            -ConfigFile       => $path,
            -UseApacheInclude => 1,
            -IncludeAgain     => 1,
            -IncludeRelative  => 1,
        )->getall;
        1;
    };
    push @readings, {
        config   => $ok ? \%config : undef,
        warnings => \@warnings,
        error    => $ok ? undef : "$@",
    };
}

print JSON::PP->new->canonical->encode(\@readings), "\n";
