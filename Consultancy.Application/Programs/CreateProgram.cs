using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;

namespace Consultancy.Application.Programs;

/// <summary>Adds a program to the shared directory; any consultant or admin may.</summary>
public sealed record CreateProgram : ProgramFields, IRequest<int>
{
    /// <summary>The user checked the record against the program's own pages today.</summary>
    [Display(Name = "Verified today")] public bool VerifiedToday { get; set; }
}

internal sealed class CreateProgramValidator : AbstractValidator<CreateProgram>
{
    public CreateProgramValidator(TimeProvider clock) => Include(new ProgramFieldsValidator(clock));
}

internal sealed class CreateProgramHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CreateProgram, int>
{
    public async Task<int> Handle(CreateProgram request, CancellationToken ct)
    {
        await db.EnsureIdentifierFreeAsync(request.System, request.StoredIdentifier, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var program = new ResidencyProgram(now);
        request.ApplyTo(program);
        if (request.VerifiedToday) program.MarkVerified(user.UserId, now);
        db.ResidencyPrograms.Add(program);
        await db.SaveChangesAsync(ct);
        return program.Id;
    }
}
