a = [in]
