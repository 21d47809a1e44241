using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Noress.App.Data;

/// <summary>Reads every stored DateTime back as UTC, whatever the provider returns.</summary>
public sealed class UtcDateTimeConverter()
    : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
