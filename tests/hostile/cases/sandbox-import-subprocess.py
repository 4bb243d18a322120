import subprocess
subprocess.run(['touch', 'pwned.txt'])
