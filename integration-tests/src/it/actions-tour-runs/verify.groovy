// The consumer project's own JUnit tests ran the generated classes against a local server, and passed.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /Tests run: 7, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com.example.shop.ActionsTourTest/
return true
