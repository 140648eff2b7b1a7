#!/bin/bash
# A compose broker with SASL_SSL (SCRAM-SHA-512) for clients and between brokers, mutual TLS on the
# controller listener, and StandardAuthorizer denying whatever no ACL allows. The SCRAM users are
# formatted into the metadata on first start (SCRAM cannot be added before a controller exists).
set -euo pipefail
host="kafka-$NODE_ID"
config=/tmp/server.properties
cat > "$config" <<PROPS
process.roles=broker,controller
node.id=$NODE_ID
controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093
listeners=SASL_SSL://:9092,CONTROLLER://:9093
advertised.listeners=SASL_SSL://$host:9092
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$TM_ADMIN_PASSWORD";
ssl.keystore.type=PKCS12
ssl.keystore.location=/certs/$host.p12
ssl.keystore.password=$TM_KEYSTORE_PASSWORD
ssl.key.password=$TM_KEYSTORE_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=/certs/ca.crt
listener.name.controller.ssl.client.auth=required
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:CN=kafka-1;User:CN=kafka-2;User:CN=kafka-3
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
default.replication.factor=3
min.insync.replicas=2
PROPS
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c "$config" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$TM_ADMIN_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=producer,password=$TM_PRODUCER_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=monitor,password=$TM_MONITOR_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=ops,password=$TM_OPS_PASSWORD]" > /dev/null
exec /opt/kafka/bin/kafka-server-start.sh "$config"
