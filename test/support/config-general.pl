#!/usr/bin/env perl
# Reads a hydra.conf the way Hydra does (same Config::General options) and prints what it
# got as JSON, so TypeScript tests can compare our generated text with Hydra's own reading.
# Output: {"config": <the parsed hash>, "warnings": [<anything the parser warned>]}.
use strict;
use warnings;
use Config::General;
use JSON::PP;

my $path = shift @ARGV;
die "usage: $0 HYDRA_CONF\n" unless defined $path && !@ARGV;

# Config::General only warns on some broken input (a stray "*/", for one); Hydra would
# carry on, but a test must see it, so warnings are collected and handed back.
my @warnings;
local $SIG{__WARN__} = sub { push @warnings, join('', @_) };

# The options of Hydra's own hydra.conf loader.
my %config = Config::General->new(
    -ConfigFile       => $path,
    -UseApacheInclude => 1,
    -IncludeAgain     => 1,
    -IncludeRelative  => 1,
)->getall;

# canonical: sorted keys, so the same file always prints the same bytes.
print JSON::PP->new->canonical->encode({ config => \%config, warnings => \@warnings }), "\n";
