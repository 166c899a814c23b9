print("cabatch")
