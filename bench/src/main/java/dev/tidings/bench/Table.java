package dev.tidings.bench;

/** A markdown table being written. */
final class Table {
  private final StringBuilder text = new StringBuilder();

  Table(String title, String... columns) {
    text.append("\n### ").append(title).append("\n\n");
    row((Object[]) columns);
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < columns.length; i++) {
      rule.append("---|");
    }
    text.append(rule).append('\n');
  }

  Table row(Object... cells) {
    text.append('|');
    for (Object cell : cells) {
      text.append(' ').append(cell).append(" |");
    }
    text.append('\n');
    return this;
  }

  Table note(String note) {
    text.append('\n').append(note).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
