# The two commands of the README. Everything else lives in scripts/.
.PHONY: run test build bench format clean

run:
	scripts/run.sh

test:
	scripts/test.sh

build:
	scripts/build.sh

bench:
	bench/run.sh

format:
	swift format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build var
	rm -f cgi-bin/portal-*
