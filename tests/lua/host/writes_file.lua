-- A scenario cannot remove or write a file.
os.remove('/tmp/vigil-sandbox-test')
