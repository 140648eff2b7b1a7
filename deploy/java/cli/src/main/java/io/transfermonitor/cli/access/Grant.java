package io.transfermonitor.cli.access;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One thing a role may do: an operation on a topic, group or transactional id, named literally or
 * by prefix, allowed to one user from any host.
 *
 * @param role whose grant this is
 * @param user the Kafka user ({@code User:<user>} is the principal)
 * @param resourceType TOPIC, GROUP or TRANSACTIONAL_ID
 * @param resourceName the name, or the prefix for {@link PatternType#PREFIXED}
 * @param patternType LITERAL or PREFIXED
 * @param operation READ, WRITE or ALL
 */
public record Grant(
    Role role,
    String user,
    ResourceType resourceType,
    String resourceName,
    PatternType patternType,
    AclOperation operation) {

  /** {@code User:<user>}. */
  public String principal() {
    return "User:" + user;
  }

  /** The Kafka ACL that allows this. */
  public AclBinding binding() {
    return new AclBinding(
        new ResourcePattern(resourceType, resourceName, patternType),
        new AccessControlEntry(principal(), "*", operation, AclPermissionType.ALLOW));
  }
}
