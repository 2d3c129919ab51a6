package dev.tidings.transport.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.TransportFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

/** Finds the factory of a transport type: registered names first, then class names. */
public final class Factories {
  private Factories() {}

  public static Transport create(TransportConfig config) {
    String type = config.type();
    Map<String, TransportFactory> registered = registered(config.classLoader());
    TransportFactory factory = registered.get(type.toLowerCase(Locale.ROOT));
    if (factory == null) {
      factory = byClassName(type, config, registered);
      if (factory == null) {
        return constructTransport(type, config);
      }
    }
    return factory.create(config);
  }

  public static SortedSet<String> knownTypes() {
    return new TreeSet<>(registered(Thread.currentThread().getContextClassLoader()).keySet());
  }

  private static Map<String, TransportFactory> registered(ClassLoader loader) {
    Map<String, TransportFactory> out = new LinkedHashMap<>();
    load(Factories.class.getClassLoader(), out);
    if (loader != null && loader != Factories.class.getClassLoader()) {
      load(loader, out);
    }
    return out;
  }

  private static void load(ClassLoader loader, Map<String, TransportFactory> out) {
    try {
      for (TransportFactory f : ServiceLoader.load(TransportFactory.class, loader)) {
        out.putIfAbsent(f.type().toLowerCase(Locale.ROOT), f);
      }
    } catch (ServiceConfigurationError e) {
      throw new ConfigurationException("a transport factory registered in META-INF/services/"
          + TransportFactory.class.getName() + " cannot be loaded: " + e.getMessage()
          + "; fix or remove the registration", e);
    }
  }

  /** The factory class named {@code type}; {@code null} when it names a Transport class instead. */
  private static TransportFactory byClassName(String type, TransportConfig config, Map<String, TransportFactory> known) {
    Class<?> cls = loadClass(type, config, known);
    if (TransportFactory.class.isAssignableFrom(cls)) {
      try {
        return (TransportFactory) cls.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new ConfigurationException("transport type " + type + " in " + where(config) + " is a TransportFactory"
            + " without a public no-argument constructor, or it failed: " + rootMessage(e)
            + "; give it one", e);
      }
    }
    if (Transport.class.isAssignableFrom(cls)) {
      return null;
    }
    throw new ConfigurationException("transport type " + type + " in " + where(config) + " is a class that is"
        + " neither a " + TransportFactory.class.getName() + " nor a " + Transport.class.getName()
        + ": name a class implementing one of them, or one of the types " + new TreeSet<>(known.keySet()));
  }

  private static Transport constructTransport(String type, TransportConfig config) {
    Class<?> cls = loadClass(type, config, Map.of());
    try {
      Constructor<?> constructor = cls.getConstructor(TransportConfig.class);
      return (Transport) constructor.newInstance(config);
    } catch (NoSuchMethodException e) {
      throw new ConfigurationException("transport class " + type + " in " + where(config)
          + " has no public constructor taking a TransportConfig: add one, or register a TransportFactory", e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ConfigurationException("transport class " + type + " failed to start: " + rootMessage(e), e);
    } catch (ReflectiveOperationException e) {
      throw new ConfigurationException("transport class " + type + " cannot be created: " + e, e);
    }
  }

  private static Class<?> loadClass(String type, TransportConfig config, Map<String, TransportFactory> known) {
    if (type.indexOf('.') < 0) {
      throw unknown(type, config, known);
    }
    try {
      return Class.forName(type, true, config.classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigurationException("unknown transport type '" + type + "' in " + where(config)
          + ": no registered type has this name and no class of this name is on the class path; known types: "
          + String.join(", ", new TreeSet<>(known.keySet())) + ", or a class name", e);
    }
  }

  private static ConfigurationException unknown(String type, TransportConfig config, Map<String, TransportFactory> known) {
    return new ConfigurationException("unknown transport type '" + type + "' in " + where(config) + "; known types: "
        + String.join(", ", new TreeSet<>(known.keySet()))
        + ", or the fully qualified name of a TransportFactory or Transport class");
  }

  static String where(TransportConfig config) {
    return config.section().path() + " (" + config.section().source() + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }
}
