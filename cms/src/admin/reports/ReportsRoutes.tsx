/** "Rapporter" and, below it, the cases behind a figure (/admin/rapporter/sager). */
import * as React from 'react';
import { Route, Routes } from 'react-router-dom';
import ReportsPage from './ReportsPage';
import FigureCasesPage from '../search/FigureCasesPage';

export default function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path="sager" element={<FigureCasesPage />} />
    </Routes>
  );
}
