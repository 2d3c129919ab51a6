package dev.tidings.processor.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The generated registrations of the compilation, written to {@code
 * META-INF/services/dev.tidings.Registration} once, in the last round. Entries of an existing file
 * (an incremental build) are kept when their class still exists.
 */
final class Registrations {
  private final SortedSet<String> names = new TreeSet<>();
  private final List<Element> origins = new ArrayList<>();
  private final Elements elements;
  private final Filer filer;

  Registrations(Elements elements, Filer filer) {
    this.elements = elements;
    this.filer = filer;
  }

  void add(String qualifiedName, Element origin) {
    names.add(qualifiedName);
    origins.add(origin);
  }

  /** Writes the services file when there is anything to list. */
  void write(Diagnostics diagnostics) {
    if (names.isEmpty()) {
      return;
    }
    SortedSet<String> all = new TreeSet<>(names);
    for (String existing : existing()) {
      if (elements.getTypeElement(existing) != null) {
        all.add(existing);
      }
    }
    try {
      FileObject file =
          filer.createResource(
              StandardLocation.CLASS_OUTPUT, "", Names.SERVICES_FILE, origins.toArray(new Element[0]));
      try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String name : all) {
          out.write(name);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      diagnostics.report(
          Problem.of(Message.WRITE_FAILED, origins.get(0), Names.SERVICES_FILE, "the registrations", e));
    }
  }

  /** The entries of the services file a previous compilation left, if any. */
  private List<String> existing() {
    List<String> found = new ArrayList<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", Names.SERVICES_FILE);
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          int comment = line.indexOf('#');
          String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
          if (!name.isEmpty()) {
            found.add(name);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // no previous file (the usual case), or one we cannot read: write ours alone
    }
    return found;
  }
}
