# Sourced by the scripts that start servers on 127.0.0.1 (main_job.sh, cluster.sh).
#
# free_port sets $port to a TCP port that nobody listens on, whose neighbour (a broker's default
# HA port, listenPort + 1) is free too, and that this shell has not handed out yet. Ports come from
# below the kernel's ephemeral range: a port in that range may be the local end of some outgoing
# connection, which makes a later listen() on it fail although connect() finds no one.

ports_ephemeral_low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
declare -A ports_taken=()

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((10000 + RANDOM % (ports_ephemeral_low - 10001)))
    [ -n "${ports_taken[$p]:-}" ] || [ -n "${ports_taken[$((p + 1))]:-}" ] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null &&
       ! (exec 3<>"/dev/tcp/127.0.0.1/$((p + 1))") 2>/dev/null; then
      ports_taken[$p]=1
      ports_taken[$((p + 1))]=1
      port=$p
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}
