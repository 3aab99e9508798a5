/** "Rapporter": statistics for a period with the previous period beside it, CSV export, and the annual report / half-year status drafts. */
import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Textarea, TextInput, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { BarChart } from './BarChart';
import { TableHead } from '../TableHead';
import { formatChange, formatNumber, formatValue, type FigureRef, type Report, type Row, type StatementStats } from './types';
import { figureQuery } from '../../reports/figure-link';

type Kind = 'year' | 'half_year' | 'custom';
interface Texts {
  mainTrends: string;
  attentionPoints: string;
  recommendations: string;
}

const thisYear = new Date().getFullYear();
/**
 * The year the page opens on: the current one, except in January–March, when the annual report on
 * the previous year is being written (R18: presented in March).
 */
export const defaultReportYear = (now = new Date()) => (now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear());

const percent = (value: number | null) => (value === null ? '–' : `${formatValue(value, 'percent')} %`);

/** A count that opens the cases it counts in `period` ("Sager bag tallet"). */
const Counted = ({ text, figure, period, label, bold }: { text: string; figure?: FigureRef; period: Report['period']; label: string; bold?: boolean }) => (
  <Typography fontWeight={bold ? 'bold' : undefined}>
    {figure ? (
      <Link to={`/rapporter/sager?${figureQuery(period, figure, label)}`} title={`Se det, der tælles: ${label}, ${period.label}`}>
        {text}
      </Link>
    ) : (
      text
    )}
  </Typography>
);

const RowsTable = ({ caption, rows, report }: { caption: string; rows: Row[]; report: Report }) => (
  <Box paddingBottom={6}>
    <Typography variant="delta" tag="h3">
      {caption}
    </Typography>
    <Table colCount={4} rowCount={rows.length + 1}>
      <TableHead headers={['Opgørelse', report.period.label, report.previousPeriod.label, 'Ændring']} />
      <Tbody>
        {rows.map((r) => (
          <Tr key={r.key}>
            <Td>
              <Typography>{r.label}</Typography>
            </Td>
            <Td>
              <Counted text={formatValue(r.current, r.unit)} figure={r.figure} period={report.period} label={r.label} bold />
            </Td>
            <Td>
              <Counted text={formatValue(r.previous, r.unit)} figure={r.figure} period={report.previousPeriod} label={r.label} />
            </Td>
            <Td>
              <Typography>{formatChange(r.change, r.unit)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  </Box>
);

const StatementsTable = ({ report }: { report: Report }) => {
  const count = (name: string, s: StatementStats, key: keyof NonNullable<StatementStats['figures']>, what: string) => (
    <Td>
      <Counted text={formatNumber(s[key])} figure={s.figures?.[key]} period={report.period} label={`${name}: ${what}`} />
    </Td>
  );
  const line = (name: string, s: StatementStats) => (
    <Tr key={name}>
      <Td>
        <Typography>{name}</Typography>
      </Td>
      {count(name, s, 'requested', 'anmodet')}
      {count(name, s, 'answered', 'besvaret')}
      {count(name, s, 'answeredOnTime', 'rettidigt')}
      {count(name, s, 'answeredLate', 'for sent')}
      {count(name, s, 'unansweredOverdue', 'ubesvaret over fristen')}
      <Td>
        <Typography>{percent(s.onTimePercent)}</Typography>
      </Td>
      <Td>
        <Typography>{formatNumber(s.overdueDaysMean, 1)}</Typography>
      </Td>
      <Td>
        <Typography>{formatNumber(s.overdueDaysMax, 1)}</Typography>
      </Td>
    </Tr>
  );
  return (
    <Box paddingBottom={6}>
      <Typography variant="delta" tag="h3">
        Redegørelser efter center
      </Typography>
      <Typography textColor="neutral600">Anmodet og besvaret efter anmodningsdato; rettidighed over anmodninger med frist i perioden.</Typography>
      <Table colCount={9} rowCount={report.statements.byCenter.length + 2}>
        <TableHead
          headers={['Center', 'Anmodet', 'Heraf besvaret', 'Rettidigt', 'For sent', 'Ubesvaret over frist', 'Rettidige', 'Dage over, gns.', 'Dage over, højst']}
        />
        <Tbody>
          {report.statements.byCenter.map((c) => line(c.name, c.current))}
          {line('I alt', report.statements.total.current)}
        </Tbody>
      </Table>
    </Box>
  );
};

const TrendTable = ({ report }: { report: Report }) => {
  const trend = report.trend;
  if (!trend) return null;
  return (
    <Box paddingBottom={6}>
      <Typography variant="delta" tag="h3">
        Udvikling over fem år
      </Typography>
      <Table colCount={trend.periods.length + 1} rowCount={trend.rows.length + 1}>
        <TableHead headers={['Opgørelse', ...trend.periods.map((p) => p.label)]} />
        <Tbody>
          {trend.rows.map((r) => (
            <Tr key={r.key}>
              <Td>
                <Typography>{r.label}</Typography>
              </Td>
              {r.values.map((v, i) => (
                <Td key={i}>
                  <Counted text={v === null ? '–' : formatValue(v, r.unit)} figure={r.figure} period={trend.periods[i]} label={r.label} />
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};

const FollowUpTable = ({ report }: { report: Report }) => (
  <Box paddingBottom={6}>
    <Typography variant="delta" tag="h3">
      Opfølgning på anbefalingerne fra {report.previousPeriod.label}
    </Typography>
    {report.recommendations.previousPeriod.length === 0 ? (
      <Typography textColor="neutral600">Der blev ikke givet anbefalinger i {report.previousPeriod.label}.</Typography>
    ) : (
      <Table colCount={5} rowCount={report.recommendations.previousPeriod.length + 1}>
        <TableHead headers={['Anbefaling', 'Center', 'Sag', 'Status', 'Note']} />
        <Tbody>
          {report.recommendations.previousPeriod.map((r, i) => (
            <Tr key={i}>
              <Td>
                <Typography>{r.text}</Typography>
              </Td>
              <Td>
                <Typography>{r.centerName ?? '–'}</Typography>
              </Td>
              <Td>
                <Typography>{r.caseNumber ?? '–'}</Typography>
              </Td>
              <Td>
                <Typography>
                  {r.followUpLabel}
                  {r.caseReopened ? ' (sagen genoptaget)' : ''}
                </Typography>
              </Td>
              <Td>
                <Typography>{r.followUpNote ?? '–'}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    )}
  </Box>
);

const ReportsPage = () => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [kind, setKind] = React.useState<Kind>('year');
  const [year, setYear] = React.useState(String(defaultReportYear()));
  const [half, setHalf] = React.useState('1');
  const [from, setFrom] = React.useState(`${thisYear}-01-01`);
  const [to, setTo] = React.useState(new Date().toISOString().slice(0, 10));
  const [report, setReport] = React.useState<Report | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [texts, setTexts] = React.useState<Texts>({ mainTrends: '', attentionPoints: '', recommendations: '' });

  const periodQuery = () =>
    kind === 'custom' ? `kind=custom&from=${from}&to=${to}` : kind === 'half_year' ? `kind=half_year&year=${year}&half=${half}` : `kind=year&year=${year}`;
  const draftQuery = () => (kind === 'half_year' ? `kind=half_year&year=${year}&half=${half}` : `kind=annual&year=${year}`);
  const fail = (error: any) => toggleNotification({ type: 'danger', message: error?.response?.data?.error?.message ?? error?.message ?? 'Noget gik galt.' });

  const load = async () => {
    setLoading(true);
    try {
      const { data } = await get<{ data: Report }>(`/reports/statistics?${periodQuery()}`);
      setReport(data.data);
      if (kind !== 'custom') {
        const draft = await get<{ data: Partial<Texts> }>(`/reports/drafts?${draftQuery()}`);
        const d = draft.data.data;
        setTexts({ mainTrends: d.mainTrends ?? '', attentionPoints: d.attentionPoints ?? '', recommendations: d.recommendations ?? '' });
      }
    } catch (error) {
      fail(error);
    } finally {
      setLoading(false);
    }
  };

  React.useEffect(() => {
    load();
    // Only on first render; later loads come from the "Vis" button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const exportCsv = async () => {
    try {
      const { data } = await get<{ data: { csv: string; filename: string } }>(`/reports/statistics/csv?${periodQuery()}`);
      const blob = new Blob([data.data.csv], { type: 'text/csv;charset=utf-8' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = data.data.filename;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      fail(error);
    }
  };

  const saveTexts = async () => {
    try {
      await put(`/reports/drafts?${draftQuery()}`, { data: texts });
      toggleNotification({ type: 'success', message: 'Teksterne er gemt.' });
    } catch (error) {
      fail(error);
    }
  };

  const openDocument = async () => {
    // Opened at once (inside the click) so the browser does not block it, filled when the document arrives.
    const win = window.open('', '_blank');
    try {
      await put(`/reports/drafts?${draftQuery()}`, { data: texts });
      const { data } = await get<{ data: { html: string } }>(`/reports/document?${draftQuery()}`);
      if (win) {
        win.document.open();
        win.document.write(data.data.html);
        win.document.close();
      }
    } catch (error) {
      win?.close();
      fail(error);
    }
  };

  const documentLabel = kind === 'half_year' ? 'Halvårsstatus til udskrift' : 'Årsberetning til udskrift';
  const imp = report?.improvement;

  return (
    <Page.Main>
      <Page.Title>Rapporter</Page.Title>
      <Layouts.Header title="Rapporter" subtitle="Statistik for en periode sammenlignet med perioden før, årsberetning og halvårsstatus" />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <Field.Root name="kind">
              <Field.Label>Periode</Field.Label>
              <SingleSelect value={kind} onChange={(value: string | number) => setKind(value as Kind)}>
                <SingleSelectOption value="year">År</SingleSelectOption>
                <SingleSelectOption value="half_year">Halvår</SingleSelectOption>
                <SingleSelectOption value="custom">Valgfri periode</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            {kind !== 'custom' && (
              <Field.Root name="year">
                <Field.Label>År</Field.Label>
                <TextInput type="number" value={year} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setYear(e.target.value)} />
              </Field.Root>
            )}
            {kind === 'half_year' && (
              <Field.Root name="half">
                <Field.Label>Halvår</Field.Label>
                <SingleSelect value={half} onChange={(value: string | number) => setHalf(String(value))}>
                  <SingleSelectOption value="1">1. halvår</SingleSelectOption>
                  <SingleSelectOption value="2">2. halvår</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            )}
            {kind === 'custom' && (
              <>
                <Field.Root name="from">
                  <Field.Label>Fra og med</Field.Label>
                  <TextInput type="date" value={from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFrom(e.target.value)} />
                </Field.Root>
                <Field.Root name="to">
                  <Field.Label>Til og med</Field.Label>
                  <TextInput type="date" value={to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTo(e.target.value)} />
                </Field.Root>
              </>
            )}
            <Button onClick={load} loading={loading}>
              Vis
            </Button>
            <Button variant="secondary" onClick={exportCsv}>
              Eksportér CSV
            </Button>
            {kind !== 'custom' && (
              <Button variant="tertiary" onClick={openDocument}>
                {documentLabel}
              </Button>
            )}
          </Flex>
        </Box>

        {kind !== 'custom' && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={6}>
            <Typography variant="beta" tag="h2">
              {kind === 'half_year' ? 'Halvårsstatus' : 'Årsberetning'}: borgerrådgiverens tekster
            </Typography>
            <Box paddingTop={2} paddingBottom={4}>
              <Typography textColor="neutral600">
                Teksterne kommer med i udskriften sammen med tallene. Tomme linjer adskiller afsnit; linjer, der begynder med "-", bliver til punkter.
              </Typography>
            </Box>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {(
                [
                  ['mainTrends', 'Hovedtendenser'],
                  ['attentionPoints', 'Opmærksomhedspunkter'],
                  ['recommendations', 'Anbefalinger'],
                ] as const
              ).map(([field, label]) => (
                <Field.Root key={field} name={field}>
                  <Field.Label>{label}</Field.Label>
                  <Textarea value={texts[field]} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setTexts({ ...texts, [field]: e.target.value })} />
                </Field.Root>
              ))}
              <Box>
                <Button onClick={saveTexts}>Gem tekster</Button>
              </Box>
            </Flex>
          </Box>
        )}

        {report && imp && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="alpha" tag="h2">
              {report.period.label}
            </Typography>
            <Box paddingBottom={4}>
              <Typography textColor="neutral600">Sammenlignet med {report.previousPeriod.label}.</Typography>
            </Box>
            <RowsTable caption="Nøgletal" rows={report.summary} report={report} />
            <Box paddingBottom={6}>
              <Typography>
                Forbedringsarbejde: {formatValue(imp.hours.current, 'hours')} timer af {formatValue(imp.workingHours.current, 'hours')} timers arbejdstid ={' '}
                <strong>{percent(imp.sharePercent.current)}</strong> (målet er omkring {imp.targetPercent} %).
              </Typography>
            </Box>
            <TrendTable report={report} />
            <BarChart
              title="Henvendelser efter formål"
              rows={report.inquiries.byPurpose}
              currentLabel={report.period.label}
              previousLabel={report.previousPeriod.label}
            />
            <BarChart
              title="Henvendelser efter center"
              rows={report.inquiries.byCenter.filter((r) => r.current || r.previous)}
              currentLabel={report.period.label}
              previousLabel={report.previousPeriod.label}
            />
            <RowsTable caption="Henvendelser efter kanal" rows={report.inquiries.byChannel} report={report} />
            <RowsTable caption="Henvendelser efter center" rows={report.inquiries.byCenter} report={report} />
            <RowsTable caption="Henvendelser efter kategori" rows={report.inquiries.byCategory} report={report} />
            <RowsTable caption="Klagetemaer (en henvendelse kan have flere)" rows={report.inquiries.byTheme} report={report} />
            <RowsTable caption="Uden for kompetence (afvisningsgrunde)" rows={report.inquiries.byOutOfScopeReason} report={report} />
            <RowsTable caption="Henvendelser efter identitet" rows={report.inquiries.byIdentity} report={report} />
            <RowsTable
              caption="Udfald nået i perioden"
              rows={[
                report.outcomes.resolvedByDialogue,
                report.outcomes.referred,
                report.outcomes.rejected,
                report.outcomes.withdrawn,
                report.outcomes.reopenedInquiries,
              ]}
              report={report}
            />
            <RowsTable caption="Behandlingsform" rows={report.inquiries.byHandling} report={report} />
            <RowsTable caption="Resultat for borgeren" rows={report.inquiries.byCitizenResult} report={report} />
            <RowsTable caption="Afvist efter begrundelse" rows={report.outcomes.rejectedByReason.filter((r) => r.current || r.previous)} report={report} />
            <BarChart
              title="Udtalelser efter udfald"
              rows={report.outcomes.opinionsByOutcome}
              currentLabel={report.period.label}
              previousLabel={report.previousPeriod.label}
            />
            <RowsTable caption="Udtalelser" rows={[...report.outcomes.opinionsByOutcome, report.outcomes.generalOpinions]} report={report} />
            <Box paddingBottom={6}>
              <Typography variant="delta" tag="h3">
                Tider i dage
              </Typography>
              <Table colCount={6} rowCount={report.times.length + 1}>
                <TableHead
                  headers={['', 'Antal', 'Median', '90 %-fraktil', `Median ${report.previousPeriod.label}`, `90 %-fraktil ${report.previousPeriod.label}`]}
                />
                <Tbody>
                  {report.times.map((t) => (
                    <Tr key={t.key}>
                      <Td>
                        <Typography>{t.label}</Typography>
                      </Td>
                      <Td>
                        <Typography>{formatNumber(t.current.count)}</Typography>
                      </Td>
                      <Td>
                        <Typography fontWeight="bold">{formatNumber(t.current.medianDays, 1)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{formatNumber(t.current.p90Days, 1)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{formatNumber(t.previous.medianDays, 1)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{formatNumber(t.previous.p90Days, 1)}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
            <StatementsTable report={report} />
            <RowsTable caption="Anbefalinger efter opfølgning" rows={report.recommendations.byFollowUp} report={report} />
            <RowsTable caption="Centre, der har genoptaget sager" rows={report.recommendations.reopenedByCenter} report={report} />
            <FollowUpTable report={report} />
            <RowsTable caption="Møder mellem borger og center (R12)" rows={report.meetings.byRole} report={report} />
            <BarChart
              title="Timer til forbedringsarbejde"
              rows={imp.hoursByKind}
              currentLabel={report.period.label}
              previousLabel={report.previousPeriod.label}
            />
            <RowsTable caption="Forbedringsarbejde: aktiviteter" rows={imp.activitiesByKind} report={report} />
            <RowsTable caption="Forbedringsarbejde: timer efter center" rows={imp.hoursByCenter} report={report} />
            <Typography variant="delta" tag="h3">
              Sådan er tallene opgjort
            </Typography>
            <ul style={{ paddingLeft: 20, listStyle: 'disc' }}>
              {report.definitions.map((d) => (
                <li key={d}>
                  <Typography textColor="neutral600">{d}</Typography>
                </li>
              ))}
            </ul>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReportsPage;
