using Consultancy.Application.Board;
using Consultancy.Application.Clients;

namespace Consultancy.Web.ViewModels;

public sealed record BoardViewModel(GetPipelineBoard Query, PipelineBoard Board, IReadOnlyList<StaffOption> Consultants);
