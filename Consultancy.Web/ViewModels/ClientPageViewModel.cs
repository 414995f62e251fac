using Consultancy.Application.Clients;
using Consultancy.Application.Deadlines;

namespace Consultancy.Web.ViewModels;

public sealed record ClientPageViewModel(ClientDetails Client, IReadOnlyList<ClientDeadline> Deadlines);
