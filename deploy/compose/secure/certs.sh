#!/bin/sh
# One-shot: a CA of the compose cluster and a certificate per broker and for the registry (keytool
# only), plus the registry's basic-auth users. Writes to /certs; does nothing when it is there.
set -eu
out="${TM_CERTS_DIR:-/certs}"
[ -f "$out/ca.crt" ] && { echo "certificates already in $out"; exit 0; }
pw="$TM_KEYSTORE_PASSWORD"
cd "$out"
keytool -genkeypair -noprompt -alias ca -dname "CN=transfer-monitor compose CA" -keyalg EC \
  -groupname secp256r1 -validity 3650 -ext bc:c -keystore ca.p12 -storetype PKCS12 \
  -storepass "$pw" -keypass "$pw"
keytool -exportcert -rfc -alias ca -keystore ca.p12 -storepass "$pw" > ca.crt
for host in kafka-1 kafka-2 kafka-3 schema-registry; do
  keytool -genkeypair -noprompt -alias "$host" -dname "CN=$host" -keyalg EC -groupname secp256r1 \
    -validity 825 -keystore "$host.p12" -storetype PKCS12 -storepass "$pw" -keypass "$pw"
  keytool -certreq -alias "$host" -keystore "$host.p12" -storepass "$pw" > "$host.csr"
  keytool -gencert -alias ca -keystore ca.p12 -storepass "$pw" -infile "$host.csr" -rfc \
    -validity 825 -ext "SAN=dns:$host,dns:localhost" -ext EKU=serverAuth,clientAuth > "$host.crt"
  keytool -importcert -noprompt -alias ca -file ca.crt -keystore "$host.p12" -storepass "$pw"
  keytool -importcert -noprompt -alias "$host" -file "$host.crt" -keystore "$host.p12" \
    -storepass "$pw"
  rm "$host.csr"
done
rm ca.p12
# the registry's users (Jetty property file: user: password,role)
{
  echo "producer: $TM_PRODUCER_PASSWORD,user"
  echo "monitor: $TM_MONITOR_PASSWORD,user"
  echo "ops: $TM_OPS_PASSWORD,user"
  echo "admin: $TM_ADMIN_PASSWORD,user"
} > registry-users.properties
cat > registry-jaas.conf <<JAAS
SchemaRegistry {
  org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required file="/certs/registry-users.properties";
};
JAAS
# the volume is private to this compose project, and its containers run as other users
chmod 644 ./*
echo "certificates written to $out"
