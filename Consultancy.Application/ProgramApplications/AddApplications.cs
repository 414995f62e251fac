using Consultancy.Application.Clients;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;
using Consultancy.Application.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.ProgramApplications;

/// <summary>Adds the chosen programs to a client's applications for a season (status Researching); programs already there are skipped.</summary>
/// <returns>How many were added.</returns>
public sealed record AddApplications(int ClientId, string Season, IReadOnlyList<int> ProgramIds) : IRequest<int>
{
    public const int MaxAtOnce = 500;
}

internal sealed class AddApplicationsValidator : AbstractValidator<AddApplications>
{
    public AddApplicationsValidator()
    {
        RuleFor(r => r.Season).NotEmpty().WithMessage("Choose the season these applications are for (set the client's season first).")
            .MaximumLength(50).SingleLine();
        RuleFor(r => r.ProgramIds).NotEmpty().WithMessage("Tick at least one program to add.")
            .Must(ids => ids is null || ids.Count <= AddApplications.MaxAtOnce).WithMessage($"Add at most {AddApplications.MaxAtOnce} programs at once.");
    }
}

internal sealed class AddApplicationsHandler(IAppDbContext db, TimeProvider clock) : IRequestHandler<AddApplications, int>
{
    public async Task<int> Handle(AddApplications request, CancellationToken ct)
    {
        var client = await db.Clients.GetAsync(request.ClientId, ct);
        var season = request.Season.Trim();
        var wanted = request.ProgramIds.Distinct().ToList();
        var programs = await db.ResidencyPrograms.Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
        if (programs.Count != wanted.Count) throw new ValidationException(nameof(request.ProgramIds), "One of the chosen programs is no longer in the directory.");
        var existing = (await db.ProgramApplications.Where(a => a.ClientId == client.Id && a.Season == season && wanted.Contains(a.ProgramId))
            .Select(a => a.ProgramId).ToListAsync(ct)).ToHashSet();

        var now = clock.GetUtcNow().UtcDateTime;
        var added = programs.Where(p => !existing.Contains(p.Id)).Select(p => new ProgramApplication(client, p, season, now)).ToList();
        db.ProgramApplications.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }
}
