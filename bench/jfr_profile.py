#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, by layer: prints, for jdk.ExecutionSample events, the
share of samples whose stack passes through each layer (a sample counts for every layer it is in),
the self time per layer (the top frame's layer), and the deepest frame of our own code.
Usage: python3 bench/jfr_profile.py recording.jfr [top=15]
"""
import collections
import json
import os
import subprocess
import sys

LAYERS = [  # first match wins; package prefixes
    ("our code", ("org.tongxin.",)),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("Narayana (JTA)", ("com.arjuna.", "io.narayana.")),
    ("Agroal", ("io.agroal.",)),
    ("pgjdbc", ("org.postgresql.",)),
    ("RESTEasy Reactive", ("org.jboss.resteasy.", "io.quarkus.resteasy.")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("security / JWT", ("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security.", "io.smallrye.jwt.",
                        "org.jose4j.", "io.quarkus.smallrye.jwt.")),
    ("ArC (CDI)", ("io.quarkus.arc.",)),
    ("Redis client", ("io.vertx.redis.", "io.quarkus.redis.")),
    ("validation", ("org.hibernate.validator.", "jakarta.validation.")),
    ("logging", ("org.jboss.logging.", "org.jboss.logmanager.", "io.quarkus.bootstrap.logging.")),
    ("Vert.x / Netty", ("io.vertx.", "io.netty.")),
    ("SmallRye (config, context, mutiny)", ("io.smallrye.",)),
    ("JDK", ("java.", "javax.", "jdk.", "sun.")),
]


def layer(frame):
    name = frame
    if name.startswith("org.hibernate.validator."):
        return "validation"
    for label, prefixes in LAYERS:
        if name.startswith(prefixes):
            return label
    return "other"


def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    out = subprocess.run([os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr"), "print", "--json",
                          "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    through, self_time, ours, tops = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    for e in events:
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in e["values"]["stackTrace"]["frames"]]
        if not frames:
            continue
        self_time[layer(frames[0])] += 1
        tops[frames[0]] += 1
        for label in {layer(f) for f in frames}:
            through[label] += 1
        mine = next((f for f in frames if f.startswith("org.tongxin.") and "$$" not in f), None)
        if mine:
            ours[mine] += 1
    n = len(events)
    print(f"samples: {n}")
    print("layer | through (share of samples) | self")
    for label, count in through.most_common():
        print(f"{label} | {100 * count / n:.0f} % | {100 * self_time[label] / n:.0f} %")
    print(f"top frames (top {top}):")
    for frame, count in tops.most_common(top):
        print(f"  {count:6d}  {frame}")
    print(f"deepest frame of our code (top {top}):")
    for frame, count in ours.most_common(top):
        print(f"  {count:6d}  {frame}")


main()
