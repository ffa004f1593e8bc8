from bilancli.cli import main

main()
