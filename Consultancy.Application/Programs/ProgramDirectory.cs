using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Common.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Programs;

/// <summary>Rules of the shared program directory that more than one use case needs.</summary>
internal static class ProgramDirectory
{
    public const string RecordName = "Program";

    public static string IdentifierTakenMessage(ProgramSystem system, string identifier, string otherName) =>
        $"Another {system.DisplayName()} program already has the identifier {identifier} ({otherName}). Each identifier is used once per system: edit that program instead, or check the number.";

    /// <summary>Refuses, on the Identifier field, an identifier another program of the same system already has.</summary>
    public static async Task EnsureIdentifierFreeAsync(this IAppDbContext db, ProgramSystem system, string? identifier, int? exceptId, CancellationToken ct)
    {
        if (identifier is null) return;
        var other = await db.ResidencyPrograms.Where(p => p.System == system && p.Identifier == identifier && p.Id != (exceptId ?? 0))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (other is not null)
            throw new ValidationException(nameof(ProgramFields.Identifier), IdentifierTakenMessage(system, identifier, other));
    }

    public static async Task<ResidencyProgram> GetProgramAsync(this IAppDbContext db, int id, CancellationToken ct) =>
        await db.ResidencyPrograms.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(RecordName, id);
}
