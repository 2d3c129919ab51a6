package test;

import dev.tidings.Schema;

@Schema
public class NotRecord {
  String name;
}
