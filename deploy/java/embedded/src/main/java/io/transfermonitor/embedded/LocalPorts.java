package io.transfermonitor.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1: a free one when asked for 0, or a check that a chosen one is free. */
final class LocalPorts {

  static final String HOST = "127.0.0.1";

  private LocalPorts() {}

  /**
   * Returns {@code requested} if it can be bound now, a free port if {@code requested} is 0, or
   * throws {@link PortUnavailableException} naming {@code what} and {@code hint}.
   */
  static int claim(int requested, String what, String hint) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), requested));
      return socket.getLocalPort();
    } catch (IOException e) {
      if (requested == 0) {
        throw new IllegalStateException("no free port on " + HOST + ": " + e.getMessage(), e);
      }
      throw new PortUnavailableException(what, requested, hint, e);
    }
  }
}
