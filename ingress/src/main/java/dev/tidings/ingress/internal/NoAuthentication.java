package dev.tidings.ingress.internal;

import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.Principal;
import java.util.function.Function;

/** {@link Authenticator#none()}: every request is {@link Principal#ANONYMOUS}. */
public enum NoAuthentication implements Authenticator {
  INSTANCE;

  @Override
  public Principal authenticate(Function<String, String> header) {
    return Principal.ANONYMOUS;
  }

  @Override
  public boolean isNone() {
    return true;
  }
}
