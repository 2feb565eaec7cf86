extension ServiceMetadata {
    /// The whole model as text, one element a line with its `@line:column`, in document order within each schema,
    /// then the container and the annotations by target; the same model always dumps the same text.
    public func dump() -> String {
        var lines = ["metadata \(file)" + (version.map { " version \($0)" } ?? "")]
        var namespaces = Set<String>()
        for schema in schemas {
            namespaces.insert(schema.namespace)
            lines.append(
                "schema \(schema.namespace)" + (schema.alias.map { " alias \($0)" } ?? "") + " @\(schema.location)")
            dumpMembers(of: schema.namespace, into: &lines)
        }
        let orphans = Set(
            types.map(\.namespace) + enums.map(\.namespace) + operations.map(\.namespace)
                + typeDefinitions.map { MetadataTypeName(name: $0.name).namespace }
        ).subtracting(namespaces)
        for namespace in orphans.sorted() {
            lines.append("namespace \(namespace) (no schema)")
            dumpMembers(of: namespace, into: &lines)
        }
        if let container { dumpContainer(container, into: &lines) }
        if !annotations.isEmpty {
            lines.append("annotations")
            for target in annotations.keys.sorted() {
                guard let annotation = annotations[target] else { continue }
                lines.append("  \(target): " + Self.describe(annotation))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func dumpMembers(of namespace: String, into lines: inout [String]) {
        for type in enums where type.namespace == namespace {
            var line = "  enum \(type.name)"
            if type.isFlags { line += " flags" }
            if let underlying = type.underlyingType { line += " underlying \(underlying)" }
            lines.append(line + " @\(type.location)")
            for member in type.members {
                lines.append(
                    "    member \(member.name)" + (member.value.map { " = \($0)" } ?? "") + " @\(member.location)")
            }
        }
        for definition in typeDefinitions where MetadataTypeName(name: definition.name).namespace == namespace {
            lines.append("  type definition \(definition.name) : \(definition.underlyingType) @\(definition.location)")
        }
        for type in types where type.namespace == namespace {
            var line = "  \(type.kind == .entity ? "entity" : "complex") type \(type.name)"
            if let base = type.baseType { line += " : \(base)" }
            if type.isAbstract { line += " abstract" }
            if type.isOpen { line += " open" }
            if type.hasStream { line += " has-stream" }
            if !type.key.isEmpty { line += " key(\(type.key.joined(separator: ", ")))" }
            lines.append(line + " @\(type.location)")
            for property in type.properties {
                lines.append(
                    "    property \(property.name) \(property.type)\(Self.nullability(property.isNullable))"
                        + " @\(property.location)")
            }
            for property in type.navigationProperties {
                var line = "    navigation \(property.name) \(property.type)\(Self.nullability(property.isNullable))"
                if property.containsTarget { line += " contained" }
                if let partner = property.partner { line += " partner \(partner)" }
                lines.append(line + " @\(property.location)")
            }
        }
        for operation in operations where operation.namespace == namespace {
            var line = "  \(operation.kind == .action ? "action" : "function") \(operation.name)"
            if operation.isBound { line += " bound" }
            if operation.isComposable { line += " composable" }
            line += " returns " + (operation.returnType?.description ?? "nothing")
            if let path = operation.entitySetPath { line += " entity set path \(path)" }
            lines.append(line + " @\(operation.location)")
            for (index, parameter) in operation.parameters.enumerated() {
                var line = "    parameter \(parameter.name) \(parameter.type)\(Self.nullability(parameter.isNullable))"
                if operation.isBound && index == 0 { line += " binding" }
                lines.append(line + " @\(parameter.location)")
            }
        }
    }

    private func dumpContainer(_ container: EntityContainer, into lines: inout [String]) {
        lines.append("container \(container.name) @\(container.location)")
        for source in container.entitySets + container.singletons {
            let kind = source.kind == .entitySet ? "entity set" : "singleton"
            lines.append("  \(kind) \(source.name) \(source.type) @\(source.location)")
            for binding in source.bindings { lines.append("    binding \(binding.path) -> \(binding.target)") }
        }
        for operationImport in container.operationImports {
            let kind = operationImport.kind == .action ? "action import" : "function import"
            var line = "  \(kind) \(operationImport.name) \(operationImport.operation)"
            if let entitySet = operationImport.entitySet { line += " entity set \(entitySet)" }
            lines.append(line + " @\(operationImport.location)")
        }
    }

    private static func nullability(_ isNullable: Bool) -> String { isNullable ? " nullable" : " not null" }

    /// `description "…", computed, not insertable`, in a fixed order.
    private static func describe(_ annotation: TargetAnnotations) -> String {
        var parts: [String] = []
        if let text = annotation.description { parts.append("description \(quoted(text))") }
        if let text = annotation.longDescription { parts.append("long description \(quoted(text))") }
        if annotation.isComputed { parts.append("computed") }
        if !annotation.isInsertable { parts.append("not insertable") }
        if !annotation.isUpdatable { parts.append("not updatable") }
        if !annotation.isDeletable { parts.append("not deletable") }
        return parts.isEmpty ? "nothing used" : parts.joined(separator: ", ")
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
