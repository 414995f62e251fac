using System.ComponentModel.DataAnnotations;
using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Application.Reminders;
using Consultancy.Application.Users;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.Playbooks;

public sealed record GetSeasons : IRequest<IReadOnlyList<SeasonSummary>>;

public sealed record SeasonSummary(int Id, TargetSystem System, string Name, int KeyDates, int ToVerify, DateOnly? FirstDate, DateOnly? LastDate);

public sealed record GetSeason(int Id) : IRequest<SeasonDetails>;

public sealed record SeasonDetails(int Id, TargetSystem System, string Name, IReadOnlyList<KeyDateItem> KeyDates, int PlanningClients);

/// <param name="FollowingDeadlines">Open deadlines planned from this date that nobody moved by hand.</param>
public sealed record KeyDateItem(int Id, string Key, string Name, DateOnly Date, bool VerifyBeforeUse, string? Source, int FollowingDeadlines);

internal sealed class GetSeasonsHandler(IAppDbContext db) : IRequestHandler<GetSeasons, IReadOnlyList<SeasonSummary>>
{
    public async Task<IReadOnlyList<SeasonSummary>> Handle(GetSeasons request, CancellationToken ct) =>
        await db.Seasons.OrderBy(s => s.System).ThenBy(s => s.Name)
            .Select(s => new SeasonSummary(s.Id, s.System, s.Name, s.KeyDates.Count, s.KeyDates.Count(k => k.VerifyBeforeUse),
                s.KeyDates.Min(k => (DateOnly?)k.Date), s.KeyDates.Max(k => (DateOnly?)k.Date)))
            .ToListAsync(ct);
}

internal sealed class GetSeasonHandler(IAppDbContext db) : IRequestHandler<GetSeason, SeasonDetails>
{
    public async Task<SeasonDetails> Handle(GetSeason request, CancellationToken ct)
    {
        var season = await db.Seasons.AsNoTracking().Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == request.Id, ct)
            ?? throw new NotFoundException(nameof(Season), request.Id);
        var following = await db.Deadlines
            .Where(d => d.SeasonId == season.Id && d.Status == DeadlineStatus.Open && !d.DueDateEditedByHand && d.PlaybookItem != null)
            .GroupBy(d => d.PlaybookItem!.AnchorKey)
            .Select(g => new { Key = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var planning = await db.Clients.CountAsync(c => !c.IsArchived && c.Season == season.Name
            && (c.TargetSystem == season.System || c.TargetSystem == TargetSystem.Both), ct);
        return new SeasonDetails(season.Id, season.System, season.Name,
            season.KeyDates.OrderBy(k => k.Date).ThenBy(k => k.Name)
                .Select(k => new KeyDateItem(k.Id, k.Key, k.Name, k.Date, k.VerifyBeforeUse, k.Source, following.GetValueOrDefault(k.Key)))
                .ToList(),
            planning);
    }
}

/// <summary>
/// Changes a key date. With <see cref="MoveFollowingDeadlines"/>, the open deadlines planned from it that
/// nobody moved by hand move with it, and their reminders are re-planned.
/// </summary>
public sealed record UpdateKeyDate : IRequest<int>
{
    public int SeasonId { get; set; }
    public int KeyDateId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly? Date { get; set; }
    [Display(Name = "Checked against the official calendar")] public bool Verified { get; set; }
    [Display(Name = "Move the deadlines planned from this date")] public bool MoveFollowingDeadlines { get; set; }
}

internal sealed class UpdateKeyDateValidator : AbstractValidator<UpdateKeyDate>
{
    public UpdateKeyDateValidator()
    {
        RuleFor(k => k.Name).SingleLine().NotEmpty().WithMessage("Name the key date.").MaximumLength(100);
        RuleFor(k => k.Date).NotNull().WithMessage("Enter the date.")
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("Enter a date between 2000 and 2100.");
    }
}

internal sealed class UpdateKeyDateHandler(IAppDbContext db, ReminderPlanner planner, ICurrentUser user) : IRequestHandler<UpdateKeyDate, int>
{
    public async Task<int> Handle(UpdateKeyDate request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var season = await db.Seasons.Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == request.SeasonId, ct)
            ?? throw new NotFoundException(nameof(Season), request.SeasonId);
        var keyDate = season.KeyDates.SingleOrDefault(k => k.Id == request.KeyDateId)
            ?? throw new NotFoundException(nameof(SeasonKeyDate), request.KeyDateId);

        keyDate.Name = request.Name.Trim();
        keyDate.Date = request.Date!.Value;
        keyDate.VerifyBeforeUse = !request.Verified;

        var moved = new List<Deadline>();
        if (request.MoveFollowingDeadlines)
        {
            var following = await db.Deadlines.Include(d => d.Client).Include(d => d.PlaybookItem)
                .Where(d => d.SeasonId == season.Id && d.PlaybookItem!.AnchorKey == keyDate.Key)
                .ToListAsync(ct);
            moved = following.Where(d => d.FollowKeyDate(season)).ToList();
            await planner.ReplanAsync(moved, ct);
        }
        await db.SaveChangesAsync(ct);
        return moved.Count;
    }
}

public sealed record CreateSeason : IRequest<int>
{
    public TargetSystem System { get; set; }
    public string Name { get; set; } = "";
    [Display(Name = "Copy key dates from")] public int? CopyFromSeasonId { get; set; }
}

internal sealed class CreateSeasonValidator : AbstractValidator<CreateSeason>
{
    public CreateSeasonValidator()
    {
        RuleFor(s => s.Name).SingleLine().NotEmpty().WithMessage("Name the season, e.g. \"ERAS 2029\".").MaximumLength(50);
        RuleFor(s => s.System).Must(s => s is TargetSystem.ErasNrmp or TargetSystem.CaRMS).WithMessage("Choose ERAS/NRMP or CaRMS.");
    }
}

/// <summary>A new season; copying another season's key dates moves them on by whole years and marks each to verify.</summary>
internal sealed class CreateSeasonHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<CreateSeason, int>
{
    public async Task<int> Handle(CreateSeason request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var name = request.Name.Trim();
        if (await db.Seasons.AnyAsync(s => s.Name == name, ct))
            throw new ValidationException(nameof(request.Name), "A season with this name already exists.");
        var season = new Season(request.System, name);
        if (request.CopyFromSeasonId is { } sourceId)
        {
            var source = await db.Seasons.AsNoTracking().Include(s => s.KeyDates).SingleOrDefaultAsync(s => s.Id == sourceId, ct)
                ?? throw new ValidationException(nameof(request.CopyFromSeasonId), "Choose a season to copy from.");
            var years = YearOf(name) - YearOf(source.Name);
            if (years is < -10 or > 10)
                throw new ValidationException(nameof(request.CopyFromSeasonId), "Copy key dates from a season at most ten years apart.");
            foreach (var date in source.KeyDates)
                season.KeyDates.Add(new SeasonKeyDate(date.Key, date.Name, date.Date.AddYears(years ?? 1), true, $"Copied from {source.Name}"));
        }
        db.Seasons.Add(season);
        await db.SaveChangesAsync(ct);
        return season.Id;
    }

    private static int? YearOf(string name) =>
        name.Split(' ').Select(part => int.TryParse(part, out var year) ? year : (int?)null).LastOrDefault(y => y is not null);
}
