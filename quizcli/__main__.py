from quizcli.cli import main

if __name__ == "__main__":  # `python -m quizcli`; importing this module runs nothing
    main()
