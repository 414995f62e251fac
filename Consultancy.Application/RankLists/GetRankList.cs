using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Common.Settings;
using Consultancy.Application.Domain;
using Consultancy.Application.ProgramApplications;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Consultancy.Application.RankLists;

/// <summary>
/// A client's rank order list for a season: the ranked programs in order with their interview scores and fit, the
/// programs they interviewed at (or will) that are not ranked yet, the warnings, every revision, and the certification.
/// </summary>
public sealed record GetRankList(int ClientId, string? Season = null) : IRequest<RankListPage>;

public sealed record RankListPage(
    ApplicantSeason Applicant, IReadOnlyList<RankedProgram> Ranked, IReadOnlyList<ApplicationRow> NotRanked, IReadOnlyList<string> Warnings,
    IReadOnlyList<RankRevisionItem> Revisions, int? CertifiedRevision, DateTime? CertifiedAt, string? CertifiedBy, bool IsCertified,
    DateOnly? CertificationDeadline, int IncludedInFee);

public sealed record RankedProgram(int Position, ApplicationRow Application);

public sealed record RankRevisionItem(int Number, DateTime CreatedAt, string? By, string Change, IReadOnlyList<int> Order);

internal sealed class GetRankListHandler(IAppDbContext db, TimeProvider clock, IOptions<ProgramSettings> settings)
    : IRequestHandler<GetRankList, RankListPage>
{
    public async Task<RankListPage> Handle(GetRankList request, CancellationToken ct)
    {
        var applicant = await ApplicantSeason.LoadAsync(db, request.ClientId, request.Season, clock.GetUtcNow().UtcDateTime, ct);
        var applications = (await ApplicationRows.ReadAsync(db, applicant, ct)).ToDictionary(a => a.Id);
        var list = await db.RankOrderLists.AsNoTracking().Include(l => l.CertifiedBy).Include(l => l.Revisions).ThenInclude(r => r.By)
            .SingleOrDefaultAsync(l => l.ClientId == applicant.ClientId && l.Season == applicant.SeasonName, ct);

        var order = list?.Order ?? [];
        var ranked = order.Where(applications.ContainsKey).Select((id, index) => new RankedProgram(index + 1, applications[id])).ToList();
        var notRanked = applications.Values.Where(a => !order.Contains(a.Id) && a.Status is >= ApplicationStatus.InterviewInvited
                and <= ApplicationStatus.NotMatched)
            .OrderByDescending(a => a.WeightedScore ?? -1).ThenBy(a => a.ProgramName).ToList();
        var revisions = (list?.Revisions ?? []).OrderByDescending(r => r.Number)
            .Select(r => new RankRevisionItem(r.Number, r.CreatedAt, r.By?.DisplayName, r.Change, r.Order)).ToList();

        return new RankListPage(applicant, ranked, notRanked, RankListWarnings.For(ranked, settings.Value), revisions,
            list?.CertifiedRevision, list?.CertifiedAt, list?.CertifiedBy?.DisplayName, list?.IsCertified ?? false,
            applicant.Season?.RankListDeadline, settings.Value.RankedIncludedInFee);
    }
}
