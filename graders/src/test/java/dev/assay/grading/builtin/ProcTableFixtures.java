package dev.assay.grading.builtin;

/** What the probe's /proc script prints for a lab running nginx (master and worker) and a python server. */
final class ProcTableFixtures {
    private ProcTableFixtures() {}

    static final String NGINX_ON_80 = String.join(
            "\n",
            "S tcp 00000000:0050 0A 1001",
            "S tcp 0100007F:1F90 0A 1002",
            "S tcp6 00000000000000000000000000000000:0050 0A 1003",
            "S tcp 0100007F:0050 01 1004",
            "S udp 00000000:14E9 07 1005",
            "P 1 0 /sbin/docker-init",
            "P 7 0 /usr/sbin/nginx",
            "F 7 [1001]",
            "F 7 [1003]",
            "P 8 33 /usr/sbin/nginx",
            "F 8 [1001]",
            "P 9 0 /usr/bin/python3.11",
            "F 9 [1002]",
            "P 12 0 /tmp/evil (deleted)",
            "F 12 [1005]",
            "");
}
